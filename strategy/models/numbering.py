"""Numbers of orientations, axes and actions: derived from their order when left blank,
unique within a plan."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class NumberedPageMixin:
    """For pages numbered within their plan. Subclasses define `derive_number(parent)` and
    `siblings_in_plan(plan)`, the pages of the same type in that plan."""

    def plan_of(self, parent):
        from strategy.models.plan import StrategyPlanPage

        if isinstance(parent.specific_deferred, StrategyPlanPage):
            return parent.specific_deferred
        return StrategyPlanPage.objects.ancestor_of(parent).first()

    def number_is_taken(self, parent, number) -> bool:
        plan = self.plan_of(parent)
        if plan is None:
            return False
        others = self.siblings_in_plan(plan).filter(number=number)
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.exists()

    def save(self, *args, **kwargs):
        if self.number in (None, "") and self.depth:
            self.number = self.derive_number(self.get_parent())
        return super().save(*args, **kwargs)


class NumberedPageForm(WagtailAdminPageForm):
    """Fills a blank number from the page's position and refuses a number already used
    in the same plan."""

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        if parent is None:
            return cleaned_data
        number = cleaned_data.get("number")
        if number in (None, ""):
            cleaned_data["number"] = page.derive_number(parent.specific)
            page.number = cleaned_data["number"]
        elif page.number_is_taken(parent, number):
            self.add_error(
                "number",
                forms.ValidationError(
                    _("The number %(number)s is already used in this plan."),
                    params={"number": number},
                ),
            )
        return cleaned_data
