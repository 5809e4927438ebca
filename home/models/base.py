from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.querysets import TramePageManager


class BasePage(Page):
    """Fields every Trame page shares: a summary for listings, an image, a content owner
    who answers for it and a date by which it must be reviewed."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who answers for this content and keeps it up to date."),
    )
    review_date = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        help_text=_("The date by which this content must be reviewed."),
    )

    objects = TramePageManager()

    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("listing_image")], heading=_("Listings")
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("review_date")],
            heading=_("Ownership and review"),
        ),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, from the cached table instead of
        two queries per request (Wagtail's serving hook asks for them on every page)."""
        if self.alias_of_id:
            return super().get_view_restrictions()  # aliases take their source's restrictions
        from home.visibility import restrictions_on_path

        return restrictions_on_path(self.path)
