"""The one answer to "may this user view this page (or document)?" that every listing, feed
and API asks.

Wagtail's view restrictions are the truth: a page view restriction hides its page and every
descendant from users who do not satisfy it; a collection view restriction does the same for
the documents of a collection and its descendants. Listings exclude those subtrees in SQL; a
single page or document is checked with `page_is_visible_to` / `document_is_visible_to`. The
restrictions themselves are few and read on every request, so they are cached
(`home/caching.py`) and invalidated when they change.
"""

from django.db.models import Q

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from home.caching import MEMBERSHIPS, RESTRICTIONS, cached


def view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page and groups loaded."""
    return cached(
        RESTRICTIONS,
        "all",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def collection_view_restrictions() -> list[CollectionViewRestriction]:
    """Every collection view restriction, with its collection and groups loaded."""
    return cached(
        RESTRICTIONS,
        "collections",
        lambda: list(
            CollectionViewRestriction.objects.select_related("collection").prefetch_related(
                "groups"
            )
        ),
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


def hidden_pages_q(user, *, include_password: bool = True) -> Q | None:
    """A Q matching every page the user may not view, or None when nothing is hidden.
    The admin passes include_password=False: a password restriction is for readers of
    the site, while who edits such a page is decided by page permissions."""
    hidden = Q()
    for restriction in denied_restrictions(user):
        if include_password or restriction.restriction_type != BaseViewRestriction.PASSWORD:
            hidden |= Q(path__startswith=restriction.page.path)
    return hidden or None


def pages_viewable_in_admin(pages, user):
    """Narrow a page queryset to the pages whose existence the user may learn in the admin:
    drafts included, but nothing under a login or group restriction they do not satisfy."""
    hidden = hidden_pages_q(user, include_password=False)
    return pages.exclude(hidden) if hidden is not None else pages


def visibility_key(user) -> str:
    """Equal for two users who may view exactly the same pages: a cache key part for
    fragments listing pages."""
    return ",".join(str(r.pk) for r in denied_restrictions(user)) or "all"


def restriction_set_key(user) -> str:
    """Equal for two users who may view exactly the same pages and the same documents: a
    cache key part for what counts both (the library's facets), shared by everyone with the
    same denied restrictions instead of one entry per user."""
    collections = ",".join(str(r.pk) for r in _denied_collection_restrictions(user)) or "all"
    return f"pages:{visibility_key(user)};collections:{collections}"


def page_is_visible_to(page, user) -> bool:
    return page.live and all(restriction_allows(r, user) for r in restrictions_on_path(page.path))


def page_is_hidden_by_group(page, user) -> bool:
    """Whether a login or group restriction (not a password one) hides this page from the
    user: such a page is answered "not found" rather than with a login form."""
    return any(
        r.restriction_type != BaseViewRestriction.PASSWORD and not restriction_allows(r, user)
        for r in restrictions_on_path(page.path)
    )


def _denied_collection_restrictions(user) -> list[CollectionViewRestriction]:
    return [r for r in collection_view_restrictions() if not restriction_allows(r, user)]


def hidden_collections_q(user, prefix: str = "") -> Q | None:
    """A Q matching every collection whose documents the user may not view (on a document
    queryset, pass prefix="collection__"), or None when nothing is hidden."""
    hidden = Q()
    for restriction in _denied_collection_restrictions(user):
        hidden |= Q(**{f"{prefix}path__startswith": restriction.collection.path})
    return hidden or None


def documents_visible_to(documents, user):
    """Narrow a document queryset to the documents this user may download."""
    hidden = hidden_collections_q(user, prefix="collection__")
    return documents.exclude(hidden) if hidden is not None else documents


def _collection_restrictions_on(item) -> list[CollectionViewRestriction]:
    """The restrictions on a document's or image's collection and its ancestors."""
    path = item.collection.path
    return [r for r in collection_view_restrictions() if path.startswith(r.collection.path)]


def document_is_visible_to(document, user) -> bool:
    return all(restriction_allows(r, user) for r in _collection_restrictions_on(document))


def collection_is_hidden_by_group(collection, user) -> bool:
    """Whether a login or group restriction hides the documents and images of this
    collection from the user."""
    return any(
        r.restriction_type != BaseViewRestriction.PASSWORD and not restriction_allows(r, user)
        for r in collection_view_restrictions()
        if collection.path.startswith(r.collection.path)
    )


def document_is_hidden_by_group(document, user) -> bool:
    return collection_is_hidden_by_group(document.collection, user)


def image_is_visible_to(image, user) -> bool:
    """Images follow the view restrictions of their collection, as documents do."""
    return all(restriction_allows(r, user) for r in _collection_restrictions_on(image))


def in_visible_collections(queryset, user):
    """Narrow a document or image queryset to the items of collections the user may view
    (by collection id, which the admin choosers' search backend can also filter on)."""
    hidden = hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def hidden_collection_ids(user) -> frozenset[int]:
    """Ids of the collections whose documents the user may not view."""
    denied = _denied_collection_restrictions(user)
    if not denied:
        return frozenset()
    key = "hidden-collection-ids:" + ",".join(str(r.pk) for r in denied)
    return cached(
        RESTRICTIONS,
        key,
        lambda: frozenset(
            Collection.objects.filter(hidden_collections_q(user)).values_list("pk", flat=True)
        ),
    )


def users_who_may_view_page(users, page):
    """Narrow a user queryset to those `page_is_visible_to` answers True for, in SQL: for
    a notification's reach, not one check per person."""
    if not page.live:
        return users.none()
    for restriction in restrictions_on_path(page.path):
        allowed = Q(is_active=True, is_superuser=True)
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            group_ids = [group.pk for group in restriction.groups.all()]
            allowed |= Q(pk__in=users.model.objects.filter(groups__in=group_ids).values("pk"))
        users = users.filter(allowed)
    return users
