"""The contract every engine fulfils, and the values that cross it.

An engine indexes `IndexEntry` values (built from pages, documents, people and structures by
`search.sources`) and answers a `SearchRequest` for a user with `SearchResults`. Permission is
part of the contract: an entry carries the locks (view restrictions) that guard it, and an
engine only ever returns, counts or suggests entries none of whose locks is closed to the user
(`search.visibility.closed_locks`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from search.query import ParsedQuery

SORTS = ("relevance", "date")
# Facet name -> the IndexEntry attribute it counts.
FACETS = ("kind", "thematic", "resource_type", "structure", "group", "year")
PER_PAGE = 10


@dataclass(frozen=True)
class Choice:
    """A facet value as stored and shown: `value` goes in the URL, `label` on screen."""

    value: str
    label: str


@dataclass
class IndexEntry:
    key: str  # "page:12", "document:5", "person:3", "structure:2"
    kind: Choice  # content type: Choice("resource", "Ressource")
    title: str
    url: str
    body: str = ""  # summary and body text
    document_text: str = ""  # extracted text of attached files
    date: datetime.date | None = None
    thematics: tuple[Choice, ...] = ()
    resource_type: Choice | None = None
    structure: Choice | None = None
    group: Choice | None = None
    locks: tuple[str, ...] = ()  # "p<page restriction id>", "c<collection restriction id>"
    popularity: int = 0  # views over the last 90 days
    file_format: str = ""  # "PDF"
    file_size: int | None = None  # bytes
    autocomplete: tuple[str, ...] = ()  # extra suggestion strings (a person's structure...)

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> values
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE


@dataclass
class Hit:
    key: str
    kind: Choice
    title: str  # safe HTML: matched words wrapped in <mark>
    url: str
    snippet: str  # safe HTML: escaped text, matched words wrapped in <mark>
    date: datetime.date | None = None
    thematics: tuple[Choice, ...] = ()
    resource_type: Choice | None = None
    structure: Choice | None = None
    group: Choice | None = None
    file_format: str = ""
    file_size: int | None = None


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]  # facet name -> counts, most frequent first
    page: int
    per_page: int
    engine: str  # "sqlite", "postgresql", "elasticsearch"
    degraded: bool = False  # answered by the fallback engine
    suggestion: str = ""  # "did you mean", where the engine offers it

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass
class Suggestion:
    label: str
    url: str
    kind: Choice


class Engine:
    name = ""

    def search(self, request: SearchRequest, user) -> SearchResults:
        raise NotImplementedError

    def autocomplete(self, prefix: str, user, limit: int = 8) -> list[Suggestion]:
        raise NotImplementedError

    def index(self, entries: Iterable[IndexEntry]) -> None:
        """Add or replace these entries."""
        raise NotImplementedError

    def delete(self, keys: Iterable[str]) -> None:
        raise NotImplementedError

    def rebuild(
        self, entries: Iterable[IndexEntry], total: int, progress: Callable[[int], None]
    ) -> None:
        """Replace the whole index with `entries`, calling `progress(done)` as it goes."""
        raise NotImplementedError

    def digests(self, keys: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """(key, digest) of every entry held (or of those of `keys`), the digest as
        `search.engines.digest` computes it from what is held: `search_check` compares them
        with the site's."""
        raise NotImplementedError
