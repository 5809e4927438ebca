"""Editors' picks (Wagtail search promotions) for a query, limited to what the user may view."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion

from home.visibility import page_is_visible_to
from search.analytics import normalise


@dataclass(frozen=True)
class Pick:
    key: str  # the index key of the promoted page ("page:12"), "" for an external link
    title: str
    url: str
    description: str


def editors_picks(text: str, user, request=None) -> list[Pick]:
    query = normalise(text)
    if not query:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=query)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    picks = []
    for promotion in promotions:
        page = promotion.page
        if page is not None:
            # A promoted page must not reveal a private group's page to a non-member.
            if not page_is_visible_to(page, user):
                continue
            url = page.get_url(request)
            if not url:
                continue
            picks.append(Pick(f"page:{page.pk}", page.title, url, promotion.description))
        elif promotion.external_link_url:
            title = promotion.external_link_text or promotion.external_link_url
            picks.append(Pick("", title, promotion.external_link_url, promotion.description))
    return picks
