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
    hidden = Q()
    for path, _restriction_type in _hidden_page_restrictions(user):
        hidden |= Q(path__startswith=path)
    return hidden or None


def _user_group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_trame_group_ids"):
        user._trame_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._trame_group_ids


def _hidden_page_restrictions(user) -> list[tuple[str, str]]:
    """(path, restriction type) of every page view restriction this user does not satisfy;
    one query per user object."""
    if user.is_active and user.is_superuser:
        return []
    if not hasattr(user, "_trame_hidden_page_restrictions"):
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        user_group_ids = _user_group_ids(user)
        user._trame_hidden_page_restrictions = [
            (restriction.page.path, restriction.restriction_type)
            for restriction in restrictions
            if not _restriction_allows(restriction, user, user_group_ids)
        ]
    return user._trame_hidden_page_restrictions


def _hidden_collection_restrictions(user) -> list[tuple[str, str]]:
    if user.is_active and user.is_superuser:
        return []
    if not hasattr(user, "_trame_hidden_collection_restrictions"):
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        user_group_ids = _user_group_ids(user)
        user._trame_hidden_collection_restrictions = [
            (restriction.collection.path, restriction.restriction_type)
            for restriction in restrictions
            if not _restriction_allows(restriction, user, user_group_ids)
        ]
    return user._trame_hidden_collection_restrictions


def hidden_collections_q(user, prefix: str = "") -> Q | None:
    """A Q matching every collection whose documents the user may not view (on a document
    queryset, pass prefix="collection__"), or None when nothing is hidden."""
    hidden = Q()
    for path, _restriction_type in _hidden_collection_restrictions(user):
        hidden |= Q(**{f"{prefix}path__startswith": path})
    return hidden or None


def documents_visible_to(documents, user):
    """Narrow a document queryset to the documents this user may download."""
    hidden = hidden_collections_q(user, prefix="collection__")
    return documents.exclude(hidden) if hidden is not None else documents


def document_is_visible_to(document, user) -> bool:
    collection_path = document.collection.path
    return not any(
        collection_path.startswith(path) for path, _type in _hidden_collection_restrictions(user)
    )


def document_is_hidden_by_group(document, user) -> bool:
    collection_path = document.collection.path
    return any(
        collection_path.startswith(path)
        for path, restriction_type in _hidden_collection_restrictions(user)
        if restriction_type != BaseViewRestriction.PASSWORD
    )


def page_is_visible_to(page, user) -> bool:
    if not page.live:
        return False
    return not any(page.path.startswith(path) for path, _type in _hidden_page_restrictions(user))


def page_is_hidden_by_group(page, user) -> bool:
    """Whether a login or group restriction (not a password one) hides this page from the
    user: such a page is answered "not found" rather than with a login form."""
    return any(
        page.path.startswith(path)
        for path, restriction_type in _hidden_page_restrictions(user)
        if restriction_type != BaseViewRestriction.PASSWORD
    )
