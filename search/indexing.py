"""What to reindex when something changes, as index keys ("page:12"), and the writing of
those keys to the engines.

The database engine is ALWAYS written: it is the fallback of the Elasticsearch engine and
must stay current. `get_engine()` is written too when it is another engine.
"""

import logging
from collections.abc import Iterable

from django.db import transaction

from wagtail.models import Collection, Page

from resources.models import ResourceDocument, ResourcePage
from search import sources
from search.engines import get_engine
from search.engines.database import DatabaseEngine
from search.tasks import warm_results_on_commit

logger = logging.getLogger("search")


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
    warm_results_on_commit()
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
    """The keys one savepoint level of a transaction asks to reindex, enqueued as one task
    when the transaction commits (a page publication alone sends several signals, an import
    thousands). Registered with that level's `on_commit`, so a rolled-back savepoint takes
    its keys with it and nothing is indexed for it."""

    def __init__(self, keys: set[str]):
        self.keys = keys

    def __call__(self):
        enqueue_reindex(self.keys)


def enqueue_reindex(keys: Iterable[str]) -> None:
    """Hand the keys to the task backend. The change is committed already: if the backend
    cannot take them, say so loudly and record it, the request still succeeds."""
    keys = sorted(set(keys))
    if not keys:
        return
    from search import health
    from search.tasks import reindex

    try:
        reindex.enqueue(keys)
    except Exception as error:
        logger.exception("Could not enqueue the reindexing of %d keys: %s", len(keys), keys)
        health.failure_record(keys=keys, attempts=0, error=repr(error))


def _pending(connection) -> PendingKeys | None:
    """The keys gathered so far at the current savepoint level, if any."""
    level = set(connection.savepoint_ids)
    for savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, PendingKeys) and savepoints == level:
            return callback
    return None


def reindex_on_commit(keys: Iterable[str]) -> None:
    """Reindex these keys once the change that asks for it is committed: at once outside a
    transaction (autocommit: it already is), when the outermost transaction commits
    otherwise. The task reads the committed state; a rolled-back change enqueues nothing."""
    keys = set(keys)
    if not keys:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        enqueue_reindex(keys)
        return
    pending = _pending(connection)
    if pending is None:
        # Robust: the change is committed by the time it runs; a failure to enqueue is logged
        # (and recorded by `enqueue_reindex`) without stopping the other commit hooks.
        transaction.on_commit(PendingKeys(keys), robust=True)
    else:
        pending.keys.update(keys)


def discard_pending() -> None:
    """Forget what this transaction asked to reindex: a full rebuild is about to cover it."""
    connection = transaction.get_connection()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, PendingKeys):
            callback.keys.clear()
