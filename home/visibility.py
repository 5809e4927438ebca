"""The one answer to "may this user view this page?" that every listing, feed and API asks.

Wagtail's page view restrictions are the truth: a restriction hides its page and every
descendant from users who do not satisfy it. Listings exclude those subtrees in SQL; a single
page is checked with `page_is_visible_to`.
"""

from django.db.models import Q

from wagtail.models import BaseViewRestriction, PageViewRestriction


def _restriction_allows(restriction, user, user_group_ids) -> bool:
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return any(group.pk in user_group_ids for group in restriction.groups.all())
    # A password restriction is only lifted inside the session that typed the password:
    # listings never reveal such pages.
    return False


def hidden_pages_q(user) -> Q | None:
    """A Q matching every page the user may not view, or None when nothing is hidden.

    Computed once per user object (so once per request): a page that lists news and events
    asks twice but queries once.
    """
    if user.is_active and user.is_superuser:
        return None
    if not hasattr(user, "_trame_hidden_pages_q"):
        user._trame_hidden_pages_q = _compute_hidden_pages_q(user)
    return user._trame_hidden_pages_q


def _compute_hidden_pages_q(user) -> Q | None:
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    )
    hidden = Q()
    for restriction in restrictions:
        if not _restriction_allows(restriction, user, user_group_ids):
            hidden |= Q(path__startswith=restriction.page.path)
    return hidden or None


def page_is_visible_to(page, user) -> bool:
    if not page.live:
        return False
    if user.is_active and user.is_superuser:
        return True
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    )
    return all(
        _restriction_allows(restriction, user, user_group_ids)
        for restriction in page.get_view_restrictions().prefetch_related("groups")
    )


# Documents: Wagtail's collection view restrictions are the truth. A restriction on a collection
# applies to its descendants too (collections form a tree, like pages).


def hidden_collections_q(user, prefix: str = "") -> Q | None:
    """A Q matching every collection the user may not view (`prefix` targets a relation, e.g.
    "collection__" on documents), or None when nothing is hidden. Computed once per user."""
    if user.is_active and user.is_superuser:
        return None
    if not hasattr(user, "_trame_hidden_collection_paths"):
        user._trame_hidden_collection_paths = _compute_hidden_collection_paths(user)
    paths = user._trame_hidden_collection_paths
    if not paths:
        return None
    hidden = Q()
    for path in paths:
        hidden |= Q(**{f"{prefix}path__startswith": path})
    return hidden


def _compute_hidden_collection_paths(user) -> list[str]:
    from wagtail.models import CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    )
    return [
        restriction.collection.path
        for restriction in restrictions
        if not _restriction_allows(restriction, user, user_group_ids)
    ]


def collection_is_visible_to(collection, user) -> bool:
    if user.is_active and user.is_superuser:
        return True
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    )
    return all(
        _restriction_allows(restriction, user, user_group_ids)
        for restriction in collection.get_view_restrictions().prefetch_related("groups")
    )


def document_is_visible_to(document, user) -> bool:
    """May this user download this document (and its old versions and thumbnail)?"""
    return collection_is_visible_to(document.collection, user)


def hidden_collection_ids(user) -> set[int]:
    """Ids of the collections the user may not view (one query at most, once per user)."""
    hidden = hidden_collections_q(user)
    if hidden is None:
        return set()
    if not hasattr(user, "_trame_hidden_collection_ids"):
        from wagtail.models import Collection

        user._trame_hidden_collection_ids = set(
            Collection.objects.filter(hidden).values_list("pk", flat=True)
        )
    return user._trame_hidden_collection_ids
