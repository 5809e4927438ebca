"""Create the legal pages under the home page from their starter texts, once: a page that
already exists is left as editors made it."""

from django.utils.text import slugify

from legal.models import AccessibilityPage, AccessibilityPlanPage, LegalNoticesPage, PrivacyPage
from legal.starter_texts import (
    ACCESSIBILITY_BODY,
    ACCESSIBILITY_SUMMARY,
    NOTICES_BODY,
    NOTICES_SUMMARY,
    PLAN_BODY,
    PLAN_SUMMARY,
    PRIVACY_BODY,
    PRIVACY_SUMMARY,
)

ACCESSIBILITY_SLUG = "accessibilite"
PLAN_SLUG = "schema-pluriannuel"
PRIVACY_SLUG = "confidentialite"
NOTICES_SLUG = "mentions-legales"


def _child(parent, model, *, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug or slugify(fields["title"]), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_legal_pages(home) -> dict:
    """The four legal pages (created when missing), by slug."""
    statement = _child(
        home,
        AccessibilityPage,
        slug=ACCESSIBILITY_SLUG,
        title="Déclaration d'accessibilité",
        summary=ACCESSIBILITY_SUMMARY,
        body=ACCESSIBILITY_BODY,
        show_in_menus=False,
    )
    plan = _child(
        statement,
        AccessibilityPlanPage,
        slug=PLAN_SLUG,
        title="Schéma pluriannuel de mise en accessibilité",
        summary=PLAN_SUMMARY,
        period="2025-2027",
        body=PLAN_BODY,
    )
    privacy = _child(
        home,
        PrivacyPage,
        slug=PRIVACY_SLUG,
        title="Confidentialité et données personnelles",
        summary=PRIVACY_SUMMARY,
        body=PRIVACY_BODY,
    )
    notices = _child(
        home,
        LegalNoticesPage,
        slug=NOTICES_SLUG,
        title="Mentions légales",
        summary=NOTICES_SUMMARY,
        body=NOTICES_BODY,
    )
    return {
        ACCESSIBILITY_SLUG: statement,
        PLAN_SLUG: plan,
        PRIVACY_SLUG: privacy,
        NOTICES_SLUG: notices,
    }
