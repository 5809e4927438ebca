"""What to reindex when something changes, as index keys ("page:12"), and the writing of
those keys to the engines.

The database engine is ALWAYS written: it is the fallback of the Elasticsearch engine and
must stay current. `get_engine()` is written too when it is another engine.
"""

from collections.abc import Iterable

from django.db import transaction

from wagtail.models import Collection, Page

from resources.models import ResourceDocument, ResourcePage
from search import sources
from search.engines import get_engine
from search.engines.database import DatabaseEngine


def engines() -> list:
    database = DatabaseEngine()
    configured = get_engine()
    return [database] if isinstance(configured, DatabaseEngine) else [database, configured]


def reindex_keys(keys: Iterable[str]) -> tuple[int, int]:
    """Write the current state of these keys: (entries written, keys deleted)."""
    entries, gone = sources.entries_for_keys(keys)
    for engine in engines():
        if gone:
            engine.delete(gone)
        if entries:
            engine.index(entries)
    return len(entries), len(gone)


def page_keys(page: Page) -> list[str]:
    return [f"page:{page.pk}"]


def subtree_keys(page: Page) -> list[str]:
    """The page and every page below it (their paths, locks and group come from above)."""
    ids = Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
    return [f"page:{pk}" for pk in ids]


def document_keys(document_ids: Iterable[int]) -> list[str]:
    """The documents themselves and the resource pages presenting them (their text)."""
    document_ids = list(document_ids)
    pages = ResourcePage.objects.filter(resource_documents__document_id__in=document_ids)
    return [f"document:{pk}" for pk in document_ids] + [
        f"page:{pk}" for pk in pages.values_list("pk", flat=True).distinct()
    ]


def collection_keys(collection: Collection) -> list[str]:
    """Everything whose locks come from this collection or the collections below it."""
    ids = ResourceDocument.objects.filter(collection__path__startswith=collection.path).values_list(
        "pk", flat=True
    )
    return document_keys(ids)


class PendingKeys:
    """The keys a transaction asks to reindex, enqueued as ONE task when it commits: a page
    publication alone sends several signals, a demo or an import thousands."""

    def __init__(self):
        self.keys: set[str] = set()

    def __call__(self):
        if self.keys:
            from search.tasks import reindex

            reindex.enqueue(sorted(self.keys))


def _pending(connection) -> PendingKeys | None:
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, PendingKeys):
            return callback
    return None


def reindex_on_commit(keys: Iterable[str]) -> None:
    """Enqueue the reindexing once the transaction is committed (the task reads the
    committed state; nothing is enqueued for a rolled-back change)."""
    keys = set(keys)
    if not keys:
        return
    pending = _pending(transaction.get_connection())
    if pending is None:
        pending = PendingKeys()
        transaction.on_commit(pending)
    pending.keys.update(keys)


def discard_pending() -> None:
    """Forget what this transaction asked to reindex: a full rebuild is about to cover it."""
    pending = _pending(transaction.get_connection())
    if pending is not None:
        pending.keys.clear()
