from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from strategy.blocks import REQUIRED_SECTION_KINDS, SECTION_KINDS, PlanSectionsBlock
from strategy.models.numbering import NumberedPageForm, NumberedPageMixin
from strategy.models.trame import follows_the_trame, missing_sections
from strategy.panels import MissingSectionsPanel
from strategy.views import PlanRoutesMixin, RollupRoutesMixin


class PlanPageForm(WagtailAdminPageForm):
    """Publishing a plan requires the sections of the common trame; a draft may lack them."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            sections = cleaned_data.get("sections")
            kinds = {block.block_type for block in sections} if sections is not None else set()
            has_orientation = self.instance.pk is not None and (
                OrientationPage.objects.child_of(self.instance).exists()
            )
            for problem in plan_publication_problems(kinds, has_orientation=has_orientation):
                self.add_error(None, problem)
            if sections is not None and follows_the_trame(self.instance):
                # A structure's plan: every required section of the current trame, filled in.
                for missing in missing_sections(self.instance, sections=sections):
                    if not missing.absent or missing.kind not in REQUIRED_SECTION_KINDS:
                        self.add_error(None, missing.message)
        return cleaned_data


def plan_publication_problems(section_kinds, *, has_orientation: bool) -> list[str]:
    """What the common trame requires before a plan is published, as French messages."""
    problems = [
        _("The section “%(section)s” is required before publishing the plan.")
        % {"section": SECTION_KINDS[kind]}
        for kind in REQUIRED_SECTION_KINDS
        if kind not in section_kinds
    ]
    if not has_orientation:
        problems.append(
            _(
                "A plan needs at least one orientation before it is published: save it as a "
                "draft, add its orientations, then publish it."
            )
        )
    return problems


class StrategyPlanPage(PlanRoutesMixin, RollupRoutesMixin, RoutablePageMixin, BasePage):
    """A projet associatif: its sections, then orientations → axes → actions below it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VOTED = "voted", _("Voted")
        IN_FORCE = "in_force", _("In force")
        CLOSED = "closed", _("Closed")

    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    vote_date = models.DateField(_("vote date"), null=True, blank=True)
    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategy_plans",
        help_text=_("The member structure whose plan this is."),
    )
    is_model = models.BooleanField(
        _("common model (trame)"),
        default=False,
        help_text=_(
            "A model that each Mission Locale copies into its own space to write its own plan."
        ),
    )
    sections = StreamField(PlanSectionsBlock(), blank=True, verbose_name=_("sections"))

    base_form_class = PlanPageForm
    # A copy of the common model is a member's own plan, not another model.
    exclude_fields_in_copy = ["is_model"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("vote_date")]),
                FieldPanel("structure"),
                FieldPanel("is_model"),
            ],
            heading=_("The plan"),
        ),
        MissingSectionsPanel(heading=_("Compared with the common model")),
        FieldPanel("sections"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("sections"),
        index.FilterField("status"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage", "groups.StructureSpacePage"]
    subpage_types = ["strategy.OrientationPage"]

    class Meta:
        verbose_name = _("strategic plan (projet associatif)")
        verbose_name_plural = _("strategic plans")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The last year comes after the first.")})

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}-{self.period_end}"
        return ""

    def section_items(self, kind: str) -> list[str]:
        """Every list item of the sections of this kind, in order (values, missions…)."""
        items = []
        for section in self.sections:
            if section.block_type != kind:
                continue
            for block in section.value["content"]:
                if block.block_type == "bullet_list":
                    items.extend(block.value)
        return items

    def missing_sections(self):
        """What this structure's plan lacks compared with the current common model."""
        return missing_sections(self)

    def publication_problems(self) -> list[str]:
        kinds = {block.block_type for block in self.sections}
        has_orientation = bool(self.pk) and OrientationPage.objects.child_of(self).exists()
        return plan_publication_problems(kinds, has_orientation=has_orientation)


class NumberedLevelPage(NumberedPageMixin, BasePage):
    """An orientation or an axis: a number, a title and a summary."""

    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)

    base_form_class = NumberedPageForm
    content_panels = [FieldPanel("number"), *BasePage.content_panels, FieldPanel("summary")]
    # The summary is part of the content here, not only of listings.
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_auto_update = False  # indexed by strategy.indexing, which an import defers

    class Meta:
        abstract = True


class OrientationPage(NumberedLevelPage):
    parent_page_types = ["strategy.StrategyPlanPage"]
    subpage_types = ["strategy.AxisPage"]

    class Meta:
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")

    def derive_number(self, parent):
        return OrientationPage.objects.child_of(parent).count() + 1

    def siblings_in_plan(self, plan):
        return OrientationPage.objects.child_of(plan)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["axes"] = AxisPage.objects.child_of(self).visible_to(request.user)
        return context


class AxisPage(NumberedLevelPage):
    parent_page_types = ["strategy.OrientationPage"]
    subpage_types = ["strategy.ActionPage"]

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")

    def derive_number(self, parent):
        plan = self.plan_of(parent)
        numbers = AxisPage.objects.descendant_of(plan).values_list("number", flat=True)
        return max((n for n in numbers if n), default=0) + 1

    def siblings_in_plan(self, plan):
        return AxisPage.objects.descendant_of(plan)

    def get_context(self, request, *args, **kwargs):
        from strategy.models import ActionPage

        context = super().get_context(request, *args, **kwargs)
        context["actions"] = (
            ActionPage.objects.child_of(self)
            .visible_to(request.user)
            .select_related("thematic", "pilot_structure", "pilot_person")
        )
        return context
