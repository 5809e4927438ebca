"""Versioned caches for what every request needs and few requests change.

Each namespace has a version token; changing the data it depends on replaces the token
(see `home/signals.py`), which orphans every entry of that namespace at once. Correct across
processes as long as the cache is shared by them (see CACHES in the settings).
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

# Namespaces and what invalidates them (home/signals.py).
PAGES = "pages"  # any page saved, published, moved or deleted; sites and site settings
RESTRICTIONS = "restrictions"  # page view restrictions and their groups; page moves
MEMBERSHIPS = "memberships"  # users' groups and permissions
# The library's facet counts: resources, their documents, thematics, types and structures
# (resources/signals.py); keys also hold the RESTRICTIONS version and the restriction set.
LIBRARY = "library"

ENTRY_TIMEOUT = 60 * 60


def namespace_version(namespace: str) -> str:
    key = f"trame:version:{namespace}"
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def namespace_invalidate(namespace: str) -> None:
    """Now, for the rest of this transaction, and again once it commits, so that an entry
    cached from not-yet-committed data by another process does not outlive the commit."""

    def bump():
        cache.set(f"trame:version:{namespace}", uuid4().hex, timeout=None)

    bump()
    transaction.on_commit(bump)


def cached(namespace: str, key: str, compute, timeout: int = ENTRY_TIMEOUT):
    """`compute()`'s result, computed once per version of the namespace."""
    full_key = f"trame:{namespace}:{namespace_version(namespace)}:{key}"
    hit = cache.get(full_key)
    if hit is not None:
        return hit[0]
    value = compute()
    cache.set(full_key, (value,), timeout)  # wrapped: a None result is cached too
    return value
