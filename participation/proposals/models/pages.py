from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models.base import BasePage


class GoodPracticeIndexPage(BasePage):
    """« Bonnes pratiques »: the good practices of the network's structures."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation_proposals.GoodPracticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("good practices index")
        verbose_name_plural = _("good practices indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practices"] = (
            GoodPracticePage.objects.child_of(self)
            .visible_to(request.user)
            .select_related("thematic", "structure")
            .order_by("-first_published_at", "-pk")
        )
        return context


class GoodPracticePage(BasePage):
    """A good practice of a structure, told in a fixed frame: its context, what was done,
    what came of it, and whom to ask."""

    thematic = models.ForeignKey(
        "groups.Thematic",
        verbose_name=_("thematic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
    )
    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
        help_text=_("The structure that carried out this practice."),
    )
    context = models.TextField(_("context"), help_text=_("The situation and the need."))
    action = models.TextField(_("action"), help_text=_("What was done, by whom, with what."))
    results = models.TextField(_("results"), help_text=_("What came of it, in figures or words."))
    contact = models.TextField(_("contact"), help_text=_("Whom to ask, and how."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("thematic"), FieldPanel("structure")], heading=_("Description")
        ),
        FieldPanel("context"),
        FieldPanel("action"),
        FieldPanel("results"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("context"),
        index.SearchField("action"),
        index.SearchField("results"),
        index.FilterField("thematic"),
        index.FilterField("structure"),
    ]

    parent_page_types = ["participation_proposals.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
