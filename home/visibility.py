"""The one answer to "may this user view this page?" that every listing, feed and API asks.

Wagtail's page view restrictions are the truth: a restriction hides its page and every
descendant from users who do not satisfy it. Listings exclude those subtrees in SQL; a single
page is checked with `page_is_visible_to`. The restrictions themselves are few and read on
every request, so they are cached (`home/caching.py`) and invalidated when they change.
"""

from django.db.models import Q

from wagtail.models import BaseViewRestriction, PageViewRestriction

from home.caching import MEMBERSHIPS, RESTRICTIONS, cached


def view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page and groups loaded."""
    return cached(
        RESTRICTIONS,
        "all",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def restrictions_on_path(path: str) -> list[PageViewRestriction]:
    """The restrictions of the page at `path` and of its ancestors."""
    return [r for r in view_restrictions() if path.startswith(r.page.path)]


def user_group_ids(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return cached(
        MEMBERSHIPS,
        f"group-ids:{user.pk}",
        lambda: frozenset(user.groups.values_list("pk", flat=True)),
    )


def restriction_allows(restriction, user) -> bool:
    if user.is_active and user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        group_ids = user_group_ids(user)
        return any(group.pk in group_ids for group in restriction.groups.all())
    # A password restriction is only lifted inside the session that typed the password:
    # listings never reveal such pages.
    return False


def denied_restrictions(user) -> list[PageViewRestriction]:
    return [r for r in view_restrictions() if not restriction_allows(r, user)]


def hidden_pages_q(user) -> Q | None:
    """A Q matching every page the user may not view, or None when nothing is hidden."""
    hidden = Q()
    for restriction in denied_restrictions(user):
        hidden |= Q(path__startswith=restriction.page.path)
    return hidden or None


def visibility_key(user) -> str:
    """Equal for two users who may view exactly the same pages: a cache key part for
    fragments listing pages."""
    return ",".join(str(r.pk) for r in denied_restrictions(user)) or "all"


def page_is_visible_to(page, user) -> bool:
    return page.live and all(restriction_allows(r, user) for r in restrictions_on_path(page.path))
