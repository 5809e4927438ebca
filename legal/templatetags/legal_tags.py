from django import template
from django.urls import reverse

from home.caching import PAGES, cached
from legal.models import AccessibilityPage, ConformityStatus

register = template.Library()


def _statement_facts() -> dict:
    statement = AccessibilityPage.objects.live().only("conformity_status", "url_path").first()
    if statement is None:
        # No statement published yet: the status the network has declared.
        return {"status": ConformityStatus.PARTIAL.label, "url": "/accessibilite/"}
    return {
        "status": ConformityStatus(statement.conformity_status).label,
        "url": statement.get_url(),
    }


@register.inclusion_tag("legal/footer_links.html")
def legal_footer():
    """The accessibility status and the legal links every page's footer shows: one cached
    query per version of the page tree."""
    facts = cached(PAGES, "legal-footer", _statement_facts)
    return {**facts, "sitemap_url": reverse("legal:sitemap")}
