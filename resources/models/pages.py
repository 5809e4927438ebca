from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models.base import BasePage
from resources.querysets import ResourcePageManager


class ResourceIndexPage(RoutablePageMixin, BasePage):
    """The library: every resource the user may view, filtered by facets in the URL."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        from resources.library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The filtered list as a PDF (resources/pdf.py)."""
        from resources.pdf import library_pdf

        return library_pdf(request, self)


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("All professionals")
    COUNSELLORS = "counsellors", _("Counsellors")
    MANAGERS = "managers", _("Directors and managers")
    PROJECT_OFFICERS = "project_officers", _("Project officers")
    ADMINISTRATION = "administration", _("Administrative staff")
    PARTNERS = "partners", _("Partners")


class ResourcePage(BasePage):
    """A resource of the network: its description, its files and links, what it is about."""

    resource_type = models.ForeignKey(
        "resources.ResourceType",
        verbose_name=_("resource type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    thematics = ParentalManyToManyField(
        "groups.Thematic", verbose_name=_("thematics"), blank=True, related_name="resources"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.EVERYONE
    )
    producing_structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("producing structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="produced_resources",
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    body = RichTextField(_("description"), blank=True)

    objects = ResourcePageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("thematics"),
                FieldPanel("audience"),
                FieldPanel("producing_structure"),
                FieldPanel("publication_date"),
            ],
            heading=_("Description"),
        ),
        FieldPanel("body"),
        InlinePanel("resource_documents", heading=_("Documents"), label=_("document")),
        InlinePanel("links", heading=_("External links"), label=_("link")),
        InlinePanel("related_resources", heading=_("Related resources"), label=_("resource")),
    ]
    # The summary is edited with the content here: it is what the library's cards show.
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("resource_type"),
        index.FilterField("producing_structure"),
        index.RelatedFields("thematics", [index.SearchField("name")]),
    ]

    parent_page_types = ["resources.ResourceIndexPage", "groups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        # The library's newest first (`newest()`): a page is read from the index.
        indexes = [
            models.Index(fields=["publication_date", "page_ptr"], name="resource_newest_idx")
        ]

    def get_context(self, request, *args, **kwargs):
        from resources.selectors import resource_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_page_context(self, request.user))
        return context

    def serve(self, request, *args, **kwargs):
        from resources.services import resource_record_view

        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and not getattr(request, "is_preview", False):
            resource_record_view(resource=self, user=request.user)
        return response


class ResourcePageDocument(Orderable):
    """A file of the resource; the first one is the main document shown on cards."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="resource_documents")
    document = models.ForeignKey(
        "resources.ResourceDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="resource_links",
    )
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource document")
        verbose_name_plural = _("resource documents")

    def __str__(self):
        return self.label or str(self.document)


class ResourcePageLink(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"))
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("external link")
        verbose_name_plural = _("external links")

    def __str__(self):
        return self.title


class ResourcePageRelated(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_resources")
    related = models.ForeignKey(
        "resources.ResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related", heading=_("resource"))]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
