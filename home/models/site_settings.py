from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, max_length=40, help_text=_("Defaults to the page title.")
    )

    class Meta:
        icon = "link"
        label = _("Navigation link")


@register_setting(icon="list-ul")
class SiteIdentitySettings(BaseSiteSetting):
    """What the header and footer show: the main navigation and the network's contacts."""

    main_navigation = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        verbose_name=_("main navigation"),
        max_num=12,
    )
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, blank=True, help_text=_("Shown in the footer.")
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True, max_length=500)

    panels = [
        FieldPanel("main_navigation"),
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("site identity")
