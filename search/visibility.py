"""Locks: how the search index knows who may view an entry without asking per result.

Each indexed entry carries one lock per view restriction guarding it ("p<id>" for a page
view restriction on the page or an ancestor, "c<id>" for a collection view restriction on its
collection or an ancestor). A user holds the key to a lock when `home.visibility` says the
restriction allows them; an entry is visible when none of its locks is closed to the user.
Membership changes therefore need no reindexing; restriction changes do (search.signals).
"""

from home.visibility import (
    collection_view_restrictions,
    denied_restrictions,
    restriction_allows,
    restrictions_on_path,
)


def page_locks(page_path: str) -> tuple[str, ...]:
    return tuple(sorted(f"p{r.pk}" for r in restrictions_on_path(page_path)))


def collection_locks(collection_path: str) -> tuple[str, ...]:
    return tuple(
        sorted(
            f"c{r.pk}"
            for r in collection_view_restrictions()
            if collection_path.startswith(r.collection.path)
        )
    )


def closed_locks(user) -> frozenset[str]:
    """The locks this user may not open: entries carrying any of them are invisible."""
    pages = {f"p{r.pk}" for r in denied_restrictions(user)}
    collections = {
        f"c{r.pk}" for r in collection_view_restrictions() if not restriction_allows(r, user)
    }
    return frozenset(pages | collections)
