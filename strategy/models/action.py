from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage
from strategy.models.alignment import ActionPageForm
from strategy.models.numbering import NumberedPageMixin
from strategy.views import ActionRoutesMixin

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ActionPage(ActionRoutesMixin, RoutablePageMixin, NumberedPageMixin, BasePage):
    """A fiche action: what will be done, by whom, and how far it has gone.

    Its indicators are edited apart from the page (the "Indicateurs" menu), so that values
    entered year after year never depend on the page's revisions or on a re-import."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        ABANDONED = "abandoned", _("Abandoned")
        POSTPONED = "postponed", _("Postponed")

    number = models.CharField(
        _("number"), max_length=20, blank=True, help_text=_("For example 1.1; blank to derive it.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    pilot_structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("pilot structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="piloted_actions",
    )
    pilot_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="piloted_actions",
    )
    thematic = models.ForeignKey(
        "groups.Thematic",
        verbose_name=_("chef-de-file thematic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategy_actions",
        help_text=_("The thematic whose chefs de file lead this action."),
    )
    partners = models.TextField(_("partners"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NOT_STARTED
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    working_groups = ParentalManyToManyField(
        "groups.WorkingGroupPage",
        verbose_name=_("working groups"),
        blank=True,
        related_name="strategy_actions",
        help_text=_("The working groups that carry this action."),
    )
    resources = ParentalManyToManyField(
        "resources.ResourcePage",
        verbose_name=_("resources"),
        blank=True,
        related_name="strategy_actions",
        help_text=_("Guides, tools and reports produced for this action."),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    # Alignment of a structure's action on the regional plan (strategy.alignment).
    regional_orientation = models.ForeignKey(
        "strategy.OrientationPage",
        verbose_name=_("regional orientation served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aligned_actions",
        help_text=_("The orientation of the regional plan this action serves."),
    )
    regional_axis = models.ForeignKey(
        "strategy.AxisPage",
        verbose_name=_("regional axis served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aligned_actions",
        help_text=_("The axis of the regional plan this action serves."),
    )
    regional_action = models.ForeignKey(
        "self",
        verbose_name=_("regional action carried locally"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_actions",
        help_text=_("Optional: the action of the regional plan that this action carries locally."),
    )

    base_form_class = ActionPageForm
    content_panels = [
        FieldPanel("number"),
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pilot_structure"), FieldPanel("pilot_person")]),
                FieldPanel("thematic"),
                FieldPanel("working_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("resources"),
                FieldPanel("partners"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
            ],
            heading=_("Progress"),
        ),
        MultiFieldPanel(
            [
                # A plain list of the regional plan's pages (strategy.models.alignment),
                # not a page chooser that would browse the whole tree.
                FieldPanel("regional_orientation", widget=forms.Select),
                FieldPanel("regional_axis", widget=forms.Select),
                FieldPanel("regional_action", widget=forms.Select),
            ],
            heading=_("Alignment on the regional plan"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("objectives"),
        index.FilterField("status"),
        index.FilterField("thematic"),
    ]

    parent_page_types = ["strategy.AxisPage"]
    subpage_types = []
    search_auto_update = False  # indexed by strategy.indexing, which an import defers

    class Meta:
        verbose_name = _("action (fiche action)")
        verbose_name_plural = _("actions")

    def derive_number(self, parent):
        axis = parent.specific_deferred
        suffixes = [
            int(number.rsplit(".", 1)[-1])
            for number in ActionPage.objects.child_of(parent).values_list("number", flat=True)
            if number.rsplit(".", 1)[-1].isdigit()
        ]
        return f"{axis.number}.{max(suffixes, default=0) + 1}"

    def siblings_in_plan(self, plan):
        return ActionPage.objects.descendant_of(plan)

    @property
    def effective_progress(self) -> int:
        """A done action counts as complete whatever progress was typed."""
        return 100 if self.status == self.Status.DONE else self.progress

    @property
    def pilot_label(self) -> str:
        names = [str(self.pilot_structure) if self.pilot_structure else ""]
        if self.pilot_person:
            names.append(self.pilot_person.get_full_name() or self.pilot_person.get_username())
        return " – ".join(name for name in names if name)

    def get_context(self, request, *args, **kwargs):
        from strategy.charts import indicator_chart
        from strategy.models.alignment import local_carriers, visible_alignment

        context = super().get_context(request, *args, **kwargs)
        indicators = self.indicators.prefetch_related("values")
        context["indicators"] = [(i, indicator_chart(i)) for i in indicators]
        context["working_groups"] = self.working_groups.visible_to(request.user).order_by("title")
        context["resources"] = self.resources.visible_to(request.user).order_by("title")
        context["alignment"] = visible_alignment(self, request.user)
        context["carriers"] = local_carriers(self, request.user)
        return context


class Indicator(ClusterableModel):
    """A follow-up indicator of an action, with one value per year."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("The higher the better")
        DECREASE = "decrease", _("The lower the better")
        MAINTAIN = "maintain", _("Keep at the target")

    action = models.ForeignKey(
        ActionPage, verbose_name=_("action"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    direction = models.CharField(
        _("direction"), max_length=20, choices=Direction, default=Direction.INCREASE
    )

    panels = [
        FieldPanel("action"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target")]),
        InlinePanel("values", heading=_("Values per year"), label=_("Value")),
    ]

    class Meta:
        ordering = ["action__path", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.action.number} – {self.name}" if self.action_id else self.name

    def value_for(self, year: int):
        """The value entered for a year, from the prefetched values."""
        return next((v for v in self.values.all() if v.year == year), None)


class IndicatorValue(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_year")
        ]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.year} : {self.value}"
