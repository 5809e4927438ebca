"""Physical indexes behind one alias, so a rebuild never leaves searches without an index.

Searches and writes go through the alias (`trame` by default). A rebuild creates
`<alias>-<timestamp>`, bulk-loads it, refreshes it, then moves the alias in one atomic
`_aliases` request and deletes the indexes the alias pointed to before. Writes pass
`require_alias`, so a write before the first rebuild cannot auto-create an index named like
the alias with a guessed mapping: the engine creates the first (empty) index instead.
"""

import logging
from collections.abc import Callable, Iterable

from django.utils import timezone

from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from search.engines.base import IndexEntry
from search.engines.es.mapping import build_index, entry_document

logger = logging.getLogger("search")

CHUNK_SIZE = 500


def index_action(entry: IndexEntry, index: str) -> dict:
    action = entry_document(entry).to_dict(include_meta=True)
    action["_index"] = index
    return action


class Indices:
    def __init__(self, client: Elasticsearch, alias: str):
        self.client = client
        self.alias = alias

    def new_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def create(self, name: str, synonyms: list[str]) -> None:
        build_index(name, synonyms).create(using=self.client)

    def current(self) -> list[str]:
        """The physical indexes the alias points to (none before the first rebuild)."""
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def swap(self, new: str, old: list[str]) -> None:
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)

    def create_aliased(self, synonyms: list[str]) -> str:
        """An empty index behind the alias, for writes that come before any rebuild."""
        name = self.new_name()
        self.create(name, synonyms)
        self.swap(name, [])
        return name

    def rebuild(
        self,
        entries: Iterable[IndexEntry],
        synonyms: list[str],
        progress: Callable[[int], None],
    ) -> str:
        name = self.new_name()
        self.create(name, synonyms)
        try:
            done = 0
            for _ in streaming_bulk(
                self.client,
                (index_action(entry, name) for entry in entries),
                chunk_size=CHUNK_SIZE,
                raise_on_error=True,
            ):
                done += 1
                if done % CHUNK_SIZE == 0:
                    progress(done)
            progress(done)
            self.client.indices.refresh(index=name)
            old = self.current()
            self.swap(name, old)
        except Exception:
            # Leave the live index alone and drop the half-built one.
            try:
                self.client.indices.delete(index=name, ignore_unavailable=True)
            except Exception:
                logger.exception("Could not delete the half-built index %s", name)
            raise
        if old:
            self.client.indices.delete(index=",".join(old))
        return name

    def write(self, actions: Iterable[dict]) -> list[dict]:
        """Bulk actions through the alias; the items that failed (a missing entry on
        delete is not a failure)."""
        failed = []
        for ok, item in streaming_bulk(
            self.client,
            actions,
            chunk_size=CHUNK_SIZE,
            raise_on_error=False,
            require_alias=True,
        ):
            if not ok:
                operation, result = next(iter(item.items()))
                if not (operation == "delete" and result.get("status") == 404):
                    failed.append(item)
        return failed
