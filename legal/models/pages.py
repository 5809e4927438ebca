"""The pages the French public sector expects: the accessibility statement (RGAA 4.1) with its
multi-year plan, the legal notices and the privacy policy. Editors write them; `legal/templates.py`
gives each one its required headings: a new page starts from it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models.base import BasePage
from legal.starter_texts import ACCESSIBILITY_BODY, NOTICES_BODY, PLAN_BODY, PRIVACY_BODY

LEGAL_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class ConformityStatus(models.TextChoices):
    # The three states of the RGAA: "partially" below 100 % of criteria met, "not" below 50 %.
    NONE = "none", _("non conforme")
    PARTIAL = "partial", _("partiellement conforme")
    FULL = "full", _("totalement conforme")


class AccessibilityPage(BasePage):
    """The accessibility statement at /accessibilite/. Its conformity status is the one every
    page's footer shows."""

    conformity_status = models.CharField(
        _("conformity status"),
        max_length=10,
        choices=ConformityStatus,
        default=ConformityStatus.PARTIAL,
        help_text=_("Shown in the footer of every page."),
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("share of RGAA criteria met (%)"), null=True, blank=True
    )
    audit_date = models.DateField(_("date of the last audit"), null=True, blank=True)
    body = RichTextField(
        _("declaration"), features=LEGAL_FEATURES, blank=True, default=ACCESSIBILITY_BODY
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("conformity_status"),
                FieldPanel("compliance_rate"),
                FieldPanel("audit_date"),
            ],
            heading=_("Conformity"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal.AccessibilityPlanPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plan"] = AccessibilityPlanPage.objects.child_of(self).live().first()
        return context


class AccessibilityPlanPage(BasePage):
    """The multi-year accessibility plan (schéma pluriannuel) and its yearly action plans."""

    period = models.CharField(_("period"), max_length=20, blank=True)
    body = RichTextField(_("plan"), features=LEGAL_FEATURES, blank=True, default=PLAN_BODY)

    content_panels = [*BasePage.content_panels, FieldPanel("period"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["legal.AccessibilityPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("multi-year accessibility plan")
        verbose_name_plural = _("multi-year accessibility plans")


class LegalPage(BasePage):
    """A legal text with its required headings; a new page starts from its starter text."""

    last_updated = models.DateField(_("last updated"), null=True, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("last_updated"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class PrivacyPage(LegalPage):
    """The privacy policy (GDPR) at /confidentialite/."""

    body = RichTextField(_("text"), features=LEGAL_FEATURES, blank=True, default=PRIVACY_BODY)
    template = "legal/legal_page.html"

    class Meta:
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policies")


class LegalNoticesPage(LegalPage):
    """The legal notices at /mentions-legales/."""

    body = RichTextField(_("text"), features=LEGAL_FEATURES, blank=True, default=NOTICES_BODY)
    template = "legal/legal_page.html"

    class Meta:
        verbose_name = _("legal notices")
        verbose_name_plural = _("legal notices")
