import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger("search")

MAX_ATTEMPTS = 3
# How many of the most searched queries are computed again after the index changes.
WARMED_QUERIES = 20
# Seconds before the second and third attempts, where the task backend can wait.
RETRY_DELAYS = (30, 300)


@task()
def reindex(keys: list[str], attempt: int = 1) -> str:
    """Bring these index keys ("page:12", "document:5"...) up to date on every engine (run at
    once in development and tests, by the database-backed worker in production).

    A failure is logged with its keys and retried; after the last attempt it is recorded
    for the editors' index panel and `/healthz`, and the task ends failed."""
    from search import health
    from search.indexing import reindex_keys

    try:
        written, deleted = reindex_keys(keys)
    except Exception as error:
        logger.exception(
            "Reindexing failed (attempt %d of %d) for %d keys: %s",
            attempt,
            MAX_ATTEMPTS,
            len(keys),
            " ".join(keys),
        )
        if attempt < MAX_ATTEMPTS:
            _retry(keys, attempt + 1)
        else:
            health.failure_record(keys=keys, attempts=attempt, error=repr(error))
        raise
    health.failures_resolve(keys=keys)
    return f"{written} indexed, {deleted} deleted"


def _retry(keys: list[str], attempt: int) -> None:
    if reindex.get_backend().supports_defer:
        delay = timedelta(seconds=RETRY_DELAYS[attempt - 2])
        reindex.using(run_after=timezone.now() + delay).enqueue(keys, attempt)
    else:
        reindex.enqueue(keys, attempt)


@task()
def warm_results() -> str:
    """Once the index has changed: the most searched queries of the last 30 days computed
    again for the lock sets of recent searches (`DatabaseEngine.warm`)."""
    from search.analytics import popular_queries
    from search.engines import get_engine
    from search.engines.database import DatabaseEngine

    engine = get_engine()
    if not isinstance(engine, DatabaseEngine):  # Elasticsearch keeps its own caches
        return "nothing to warm"
    return f"{engine.warm(popular_queries(WARMED_QUERIES))} results kept"


def warm_results_on_commit() -> None:
    transaction.on_commit(warm_results.enqueue)
