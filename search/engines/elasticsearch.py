"""The Elasticsearch engine: French analysis, facets, highlighting and completion on a cluster.

Bodies are built in `search.engines.es.queries`, read in `search.engines.es.responses`, and
the index lives behind an alias managed by `search.engines.es.indices`.

A search never fails because of the cluster: when it is unreachable, slow or answers with an
error, the error is logged (logger "search") and the database engine, which is always kept up
to date, answers instead with `degraded=True` (the page shows a discreet notice). After a
connection failure the cluster is left alone for `PAUSE_AFTER_FAILURE` seconds, so a dead
cluster does not cost every search a timeout. Writes (`index`, `delete`) run in background
tasks: they log and re-raise cluster errors, so the task is recorded as failed where a retry
or the next rebuild repairs it; entries the cluster refuses one by one are logged, not raised,
since retrying them would fail the same way.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, Elasticsearch
from elasticsearch.helpers import scan

from home.caching import cached, namespace_invalidate
from search.engines.base import (
    Engine,
    IndexEntry,
    SearchRequest,
    SearchResults,
    Suggestion,
)
from search.engines.es import queries, responses
from search.engines.es.indices import Indices, index_action
from search.engines.es.mapping import synonym_lines
from search.models import SynonymGroup
from search.query import clean
from search.visibility import closed_locks

logger = logging.getLogger("search")

REQUEST_TIMEOUT = 5  # seconds: a search waits no longer before the fallback answers
PAUSE_AFTER_FAILURE = 30  # seconds without trying an unreachable cluster
LOCKSETS = "search-es-locksets"  # cache namespace of the distinct lock-sets
LOCKSETS_TIMEOUT = 5 * 60
MAX_PREFIX = 50  # the completion field's max_input_length
CHECK_PAGE_SIZE = 2000  # documents per scroll page when search_check reads the digests


@lru_cache(maxsize=4)
def cluster_client(url: str) -> Elasticsearch:
    """One client (and its pool of kept-alive connections) per process: `get_engine()` makes
    an engine per request. A refused connection is retried once, a timeout is not."""
    return Elasticsearch(
        url, request_timeout=REQUEST_TIMEOUT, max_retries=1, retry_on_timeout=False
    )


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, url, fallback: Engine, client: Elasticsearch | None = None, alias=None):
        self.fallback = fallback
        self.alias = alias or settings.ELASTICSEARCH_INDEX
        self.client = client or cluster_client(url)
        self.indices = Indices(self.client, self.alias)

    # Reading

    def search(self, request: SearchRequest, user) -> SearchResults:
        if not request.query:
            return SearchResults(
                hits=[], total=0, facets={}, page=1, per_page=request.per_page, engine=self.name
            )
        if self._paused():
            return self._degraded_search(request, user)
        try:
            closed = closed_locks(user)
            search, page, per_page = queries.search_body(request, closed)
            body = self.client.search(index=self.alias, **search.to_dict()).body
            selected = queries.selections(request.filters)
            asked = queries.suggestion_text(request.query)
            return responses.search_results(body, page, per_page, selected, asked)
        except Exception as error:
            self._failed(error, "search")
            return self._degraded_search(request, user)

    def autocomplete(self, prefix: str, user, limit: int = 8) -> list[Suggestion]:
        prefix = clean(prefix)[:MAX_PREFIX].strip()
        if not any(c.isalnum() for c in prefix):
            return []
        if self._paused():
            return self.fallback.autocomplete(prefix, user, limit)
        try:
            allowed = queries.openable(self._locksets(), closed_locks(user))
            search = queries.autocomplete_body(prefix, allowed, limit)
            body = self.client.search(index=self.alias, **search.to_dict()).body
            return responses.suggestions(body)[:limit]
        except Exception as error:
            self._failed(error, "autocomplete")
            return self.fallback.autocomplete(prefix, user, limit)

    def _locksets(self) -> list[str]:
        """The distinct lock-sets in the index. A stale list can only leave out entries
        (their lock-set is not asked for), never show one: the user's keys are checked on
        every call."""

        def fetch():
            body = self.client.search(index=self.alias, **queries.locksets_body().to_dict())
            return responses.locksets(body.body)

        return cached(LOCKSETS, self.alias, fetch, timeout=LOCKSETS_TIMEOUT)

    def _degraded_search(self, request, user) -> SearchResults:
        results = self.fallback.search(request, user)
        results.degraded = True
        return results

    def _paused(self) -> bool:
        return bool(cache.get(self._pause_key()))

    def _pause_key(self) -> str:
        return f"trame:search:elasticsearch-paused:{self.alias}"

    def _failed(self, error: Exception, what: str) -> None:
        logger.error(
            "Elasticsearch %s failed, the database engine answers: %r",
            what,
            error,
            exc_info=not isinstance(error, ConnectionError | ApiError),
        )
        if isinstance(error, ConnectionError | ConnectionTimeout):
            cache.set(self._pause_key(), True, PAUSE_AFTER_FAILURE)

    # Writing

    def index(self, entries: Iterable[IndexEntry]) -> None:
        actions = [index_action(entry, self.alias) for entry in entries]
        if actions:
            self._write(actions)

    def delete(self, keys: Iterable[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]
        if actions:
            self._write(actions)

    def _write(self, actions: list[dict]) -> None:
        try:
            failed = self.indices.write(actions)
            if failed and all(_alias_missing(item) for item in failed):
                self.indices.create_aliased(self._synonyms())
                failed = self.indices.write(actions)
        except Exception as error:
            logger.error("Elasticsearch index update failed: %r", error)
            raise
        finally:
            namespace_invalidate(LOCKSETS)
        for item in failed:
            logger.error("Elasticsearch refused an index update: %s", item)

    def rebuild(
        self, entries: Iterable[IndexEntry], total: int, progress: Callable[[int], None]
    ) -> None:
        self.indices.rebuild(entries, self._synonyms(), progress)
        namespace_invalidate(LOCKSETS)
        cache.delete(self._pause_key())

    def digests(self, keys: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """Every document's stored digest, read with a scroll over the alias (errors are
        raised: a check that cannot read the cluster must not report it healthy)."""
        query = {"match_all": {}} if keys is None else {"ids": {"values": list(keys)}}
        for document in scan(
            self.client,
            index=self.alias,
            query={"query": query, "_source": ["digest"]},
            size=CHECK_PAGE_SIZE,
        ):
            yield document["_id"], document.get("_source", {}).get("digest", "")

    def _synonyms(self) -> list[str]:
        return synonym_lines([group.expression_list for group in SynonymGroup.objects.all()])


def _alias_missing(item: dict) -> bool:
    result = next(iter(item.values()))
    error = result.get("error") or {}
    return error.get("type") == "index_not_found_exception"
