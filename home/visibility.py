"""The one answer to "may this user view this page (or document)?" that every listing, feed
and API asks.

Wagtail's view restrictions are the truth: a page view restriction hides its page and every
descendant from users who do not satisfy it; a collection view restriction does the same for
the documents of a collection and its descendants. Listings exclude those subtrees in SQL; a
single page or document is checked with `page_is_visible_to` / `document_is_visible_to`.
"""

from django.db.models import Q

from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction


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


def _user_group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_trame_group_ids"):
        user._trame_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._trame_group_ids


def _compute_hidden_pages_q(user) -> Q | None:
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    user_group_ids = _user_group_ids(user)
    hidden = Q()
    for restriction in restrictions:
        if not _restriction_allows(restriction, user, user_group_ids):
            hidden |= Q(path__startswith=restriction.page.path)
    return hidden or None


def hidden_collections_q(user, prefix: str = "") -> Q | None:
    """A Q matching every collection whose documents the user may not view (on a document
    queryset, pass prefix="collection__"), or None when nothing is hidden."""
    if user.is_active and user.is_superuser:
        return None
    if not hasattr(user, "_trame_hidden_collection_paths"):
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        user_group_ids = _user_group_ids(user)
        user._trame_hidden_collection_paths = [
            restriction.collection.path
            for restriction in restrictions
            if not _restriction_allows(restriction, user, user_group_ids)
        ]
    hidden = Q()
    for collection_path in user._trame_hidden_collection_paths:
        hidden |= Q(**{f"{prefix}path__startswith": collection_path})
    return hidden or None


def documents_visible_to(documents, user):
    """Narrow a document queryset to the documents this user may download."""
    hidden = hidden_collections_q(user, prefix="collection__")
    return documents.exclude(hidden) if hidden is not None else documents


def document_is_visible_to(document, user) -> bool:
    if user.is_active and user.is_superuser:
        return True
    user_group_ids = _user_group_ids(user)
    return all(
        _restriction_allows(restriction, user, user_group_ids)
        for restriction in document.collection.get_view_restrictions().prefetch_related("groups")
    )


def page_is_visible_to(page, user) -> bool:
    if not page.live:
        return False
    if user.is_active and user.is_superuser:
        return True
    user_group_ids = _user_group_ids(user)
    return all(
        _restriction_allows(restriction, user, user_group_ids)
        for restriction in page.get_view_restrictions().prefetch_related("groups")
    )
