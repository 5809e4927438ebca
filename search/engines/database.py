"""The default engine: the database's own full-text search (SQLite FTS5 or PostgreSQL).

Entries are rows of `SearchEntry` (original text, facet values and labels, locks); the vendor
module (`search.engines.sqlite` / `search.engines.postgresql`) supplies matching, ranking,
highlighting and prefix matching. Every search runs a constant number of queries: one
statement for the total, every facet's counts and the first ten pages of hit ids (cached until
the index changes), then the page's entries with their thematics, and their highlights.
"""

import difflib
import hashlib
import html
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from home.caching import cached, namespace_invalidate
from search.analysis import fold, tokens
from search.engines import sql, suggestions
from search.engines.base import (
    FACETS,
    Choice,
    Engine,
    FacetCount,
    Hit,
    IndexEntry,
    SearchRequest,
    SearchResults,
    Suggestion,
)
from search.engines.digest import stored_values, with_thematics
from search.models import SearchEntry, SearchEntryThematic, SuggestionTerm, synonym_table
from search.query import parse
from search.visibility import closed_locks

BATCH_SIZE = 200
MAX_PAGE = 1000  # deeper pages answer empty: nobody reads page 1,001
# The first ten pages of hits are computed with the counts and cached with them.
RESULT_WINDOW = 100
# Cache namespace of search results: any write to the index replaces its version.
SEARCH_INDEX = "search-index"
# The closed-lock sets of recent searches, newest first: whose results to warm.
LOCK_SETS = "trame:search-lock-sets"
MAX_LOCK_SETS = 20


def vendor_module():
    if connection.vendor == "postgresql":
        from search.engines import postgresql

        return postgresql
    from search.engines import sqlite

    return sqlite


def boost(entry: IndexEntry, today: date) -> float:
    """A mild relevance multiplier: much-viewed entries and recent ones rank a little higher
    (at most about x1.5 together), so a better text match still wins."""
    popularity = 0.05 * math.log1p(max(entry.popularity, 0))
    recency = 0.0
    if entry.date:
        age_days = max((today - entry.date).days, 0)
        recency = 0.15 * math.exp(-age_days / 365)
    return 1.0 + min(popularity, 0.35) + recency


def marked(text: str, vendor) -> str:
    """Escape the text, then turn the vendor's private-use markers into <mark> tags."""
    escaped = html.escape(text, quote=False)
    return escaped.replace(vendor.MARK_START, "<mark>").replace(vendor.MARK_END, "</mark>")


def _choice(value: str, label: str) -> Choice | None:
    return Choice(value, label) if value else None


def remember_lock_set(locks: frozenset[str]) -> None:
    """On every search: one cache read, and a write only for a lock set not yet known."""
    seen = cache.get(LOCK_SETS) or []
    if sorted(locks) not in seen:
        cache.set(LOCK_SETS, [sorted(locks), *seen][:MAX_LOCK_SETS], timeout=None)


class DatabaseEngine(Engine):
    @property
    def name(self) -> str:
        return connection.vendor

    # Writing -------------------------------------------------------------------------

    def _rows(self, entries: list[IndexEntry]) -> list[SearchEntry]:
        today, now = timezone.localdate(), timezone.now()
        return [
            SearchEntry(
                **stored_values(entry),
                year=entry.year,  # derived from the date, which the digest covers
                popularity=entry.popularity,
                boost=boost(entry, today),
                indexed_at=now,
            )
            for entry in entries
        ]

    def _write(self, entries: list[IndexEntry]) -> None:
        rows = self._rows(entries)
        created = SearchEntry.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        SearchEntryThematic.objects.bulk_create(
            [
                SearchEntryThematic(entry_id=row.pk, value=thematic.value, label=thematic.label)
                for row, entry in zip(created, entries, strict=True)
                for thematic in dict.fromkeys(entry.thematics)
            ],
            batch_size=BATCH_SIZE * 4,
            ignore_conflicts=True,
        )
        SuggestionTerm.objects.bulk_create(
            [
                term
                for row, entry in zip(created, entries, strict=True)
                for term in suggestions.term_rows(row.pk, entry, row.boost)
            ],
            batch_size=BATCH_SIZE * 10,
        )
        vendor_module().after_write([row.pk for row in created])

    def index(self, entries: Iterable[IndexEntry]) -> None:
        batch = []
        for entry in entries:
            batch.append(entry)
            if len(batch) >= BATCH_SIZE:
                self._replace(batch)
                batch = []
        if batch:
            self._replace(batch)

    def _replace(self, entries: list[IndexEntry]) -> None:
        # The last entry wins when a key comes twice.
        entries = list({entry.key: entry for entry in entries}.values())
        with transaction.atomic():
            SearchEntry.objects.filter(key__in=[entry.key for entry in entries]).delete()
            self._write(entries)
            namespace_invalidate(SEARCH_INDEX)

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        for start in range(0, len(keys), BATCH_SIZE):
            SearchEntry.objects.filter(key__in=keys[start : start + BATCH_SIZE]).delete()
        namespace_invalidate(SEARCH_INDEX)

    def rebuild(
        self, entries: Iterable[IndexEntry], total: int, progress: Callable[[int], None]
    ) -> None:
        with transaction.atomic():
            vendor_module().clear_index()
            done, batch = 0, []
            for entry in entries:
                batch.append(entry)
                if len(batch) >= BATCH_SIZE:
                    self._write(list({e.key: e for e in batch}.values()))
                    done += len(batch)
                    progress(done)
                    batch = []
            if batch:
                self._write(list({e.key: e for e in batch}.values()))
                done += len(batch)
                progress(done)
            namespace_invalidate(SEARCH_INDEX)
        vendor_module().after_rebuild()

    def digests(self, keys: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """The database computed each row's digest (migration 0005); thematics live in a
        side table and are added to it here."""
        rows = SearchEntry.objects.all()
        side = SearchEntryThematic.objects.all()
        if keys is not None:
            rows = rows.filter(key__in=list(keys))
            side = side.filter(entry__in=rows)
        thematics = defaultdict(list)
        for entry_id, value, label in side.values_list("entry_id", "value", "label").iterator(
            chunk_size=5000
        ):
            thematics[entry_id].append((value, label))
        for pk, key, digest in rows.values_list("pk", "key", "digest").iterator(chunk_size=5000):
            yield key, with_thematics(digest or "", thematics.get(pk, ()))

    # Reading -------------------------------------------------------------------------

    def _empty(self, request: SearchRequest, page: int) -> SearchResults:
        return SearchResults(
            hits=[], total=0, facets={}, page=page, per_page=request.per_page, engine=self.name
        )

    def search(self, request: SearchRequest, user) -> SearchResults:
        page = max(1, request.page)
        if not request.query:
            return self._empty(request, page)
        vendor = vendor_module()
        match = vendor.match(request.query)
        locks = closed_locks(user)
        remember_lock_set(locks)
        filters = {f: tuple(v) for f, v in request.filters.items() if f in FACETS and v}
        offset = (page - 1) * request.per_page
        total, facet_rows, window = self._results(vendor, match, locks, filters, request.sort)
        if offset + request.per_page <= RESULT_WINDOW:
            ids = window[offset : offset + request.per_page]
        elif total and offset < total and page <= MAX_PAGE:
            ids = self._deep_page(vendor, match, locks, filters, request, offset)
        else:
            ids = []
        results = SearchResults(
            hits=self._hits(vendor, request, ids),
            total=total,
            facets=self._facets(facet_rows, filters),
            page=page,
            per_page=request.per_page,
            engine=self.name,
        )
        if not total and not filters:
            results.suggestion = self._suggestion(vendor, request, locks)
        return results

    def _results(self, vendor, match, locks, filters, sort):
        """The total, the facet rows and the first `RESULT_WINDOW` hit ids, from one statement,
        kept until the index changes: every match is scored and counted, which costs in
        proportion to the matches, so the broad queries everyone types are paid once per
        version of the index. Keyed by the whole statement and the closed locks: a user only
        ever reads what was computed for the locks closed to them."""
        statement = sql.results_sql(match, locks, filters, sort, RESULT_WINDOW)
        key = hashlib.sha256(repr((connection.vendor, statement)).encode()).hexdigest()

        def compute():
            with vendor.planned_on_the_index(), connection.cursor() as cursor:
                cursor.execute(*statement)
                rows = cursor.fetchall()
            total, facet_rows, window = 0, [], []
            for facet, value, label, count in rows:
                if facet == "#":
                    window.append((count, int(value)))
                elif facet == "":
                    total = count
                else:
                    facet_rows.append((facet, value, label, count))
            return total, facet_rows, [pk for _, pk in sorted(window)]

        return cached(SEARCH_INDEX, f"results:{key}", compute)

    def warm(self, texts: Iterable[str]) -> int:
        """Compute and keep the results of these queries for the lock sets of recent
        searches, so that the first person to search them after a change of the index does
        not wait for every match to be scored. Returns how many results were computed or
        found kept."""
        vendor, table, warmed = vendor_module(), synonym_table(), 0
        for locks in cache.get(LOCK_SETS) or []:
            for text in texts:
                query = parse(text, table)
                if query:
                    self._results(vendor, vendor.match(query), frozenset(locks), {}, "relevance")
                    warmed += 1
        return warmed

    def _deep_page(self, vendor, match, locks, filters, request, offset) -> list[int]:
        query, params = sql.hits_sql(match, locks, filters, request.sort, request.per_page, offset)
        with vendor.planned_on_the_index(), connection.cursor() as cursor:
            cursor.execute(query, params)
            return [row[0] for row in cursor.fetchall()]

    def _facets(self, rows, filters) -> dict[str, list[FacetCount]]:
        facets: dict[str, list[FacetCount]] = {facet: [] for facet in FACETS}
        for facet, value, label, count in rows:
            selected = value in filters.get(facet, ())
            facets[facet].append(FacetCount(str(value), label or str(value), count, selected))
        for facet, counts in facets.items():
            present = {count.value for count in counts}
            # A selected value stays listed (to be unselected) even when nothing matches it.
            counts.extend(
                FacetCount(value, value, 0, True)
                for value in filters.get(facet, ())
                if value not in present
            )
            counts.sort(key=lambda c: (-c.count, fold(c.label)))
            del counts[sql.MAX_FACET_VALUES :]
        return facets

    def _hits(self, vendor, request, ids: list[int]) -> list[Hit]:
        if not ids:
            return []
        entries = (
            SearchEntry.objects.defer("document_text", "search_vector", "suggest_vector")
            .prefetch_related("thematics")
            .in_bulk(ids)
        )
        highlights = vendor.highlights(request.query, ids)
        hits = []
        for pk in ids:
            entry = entries.get(pk)
            if entry is None:  # reindexed (a new row) or deleted since the window was read
                continue
            title, snippet = highlights.get(pk, (entry.title, entry.body[:200]))
            hits.append(
                Hit(
                    key=entry.key,
                    kind=Choice(entry.kind, entry.kind_label),
                    title=marked(title, vendor),
                    url=entry.url,
                    snippet=marked(snippet, vendor),
                    date=entry.date,
                    thematics=tuple(
                        Choice(t.value, t.label)
                        for t in sorted(entry.thematics.all(), key=lambda t: t.label)
                    ),
                    resource_type=_choice(entry.resource_type, entry.resource_type_label),
                    structure=_choice(entry.structure, entry.structure_label),
                    group=_choice(entry.group, entry.group_label),
                    file_format=entry.file_format,
                    file_size=entry.file_size,
                )
            )
        return hits

    def _suggestion(self, vendor, request: SearchRequest, locks) -> str:
        """ "Did you mean": each unknown word replaced by the closest word of the titles,
        offered only when it finds something this user may view (titles of private groups
        are in the vocabulary too)."""
        words = [fold(word) for word in tokens(request.query.raw)]
        if not words or len(words) > 6:
            return ""
        vocabulary = vendor.vocabulary()
        known = set(vocabulary)
        corrected, changed = [], False
        for word in words:
            close = [] if word in known else difflib.get_close_matches(word, vocabulary, n=1)
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        if not changed:
            return ""
        suggestion = " ".join(corrected)
        query, params = sql.exists_sql(vendor.match(parse(suggestion)), locks)
        with vendor.planned_on_the_index(), connection.cursor() as cursor:
            cursor.execute(query, params)
            return suggestion if cursor.fetchone() else ""

    def autocomplete(self, prefix: str, user, limit: int = 8) -> list[Suggestion]:
        """From the suggestion terms (`search.engines.suggestions`): one query."""
        statement = suggestions.suggestions_sql(prefix or "", closed_locks(user), limit)
        if statement is None:
            return []
        with connection.cursor() as cursor:
            cursor.execute(*statement)
            rows = cursor.fetchall()
        return [
            Suggestion(label=title, url=url, kind=Choice(kind, kind_label))
            for title, url, kind, kind_label in rows
        ]
