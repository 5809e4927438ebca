"""The header box's suggestions on the database engines, from `SuggestionTerm`: one row per
folded word of an entry's title (and of its extra autocomplete words), B-tree indexed.

A suggestion query holds every word typed, the last one as a prefix ("permis de co"): the
entries with a word starting with the last word (a range of the term index), with each
earlier word as a whole word, none of whose locks is closed to the user (the same filter as
every search, `search.engines.sql.locks_filter`), heaviest first: the entry's boost, times 3
when the word is the title's first, 2 elsewhere in the title, 1 in the extra words only.

The range is byte-wise on both databases: SQLite compares text with BINARY, PostgreSQL is
asked `LIKE 'jeun%'` on a `varchar_pattern_ops` index (migration 0006), whatever the
database's collation. The index is (term, weight DESC, entry): on PostgreSQL the statement
walks the distinct words of the prefix and, for each, its few heaviest allowed entries, so a
prefix found in every title costs a few rows per word, not one per title. SQLite (up to
~10,000 entries) sorts the rows of the range.
"""

from django.db import connection

from search.analysis import fold, tokens
from search.engines.base import IndexEntry
from search.engines.sql import locks_filter
from search.models import SuggestionTerm

MAX_WORDS = 6
TERM_LENGTH = SuggestionTerm._meta.get_field("term").max_length
FIRST_WORD, TITLE_WORD, EXTRA_WORD = 3.0, 2.0, 1.0
TABLE = SuggestionTerm._meta.db_table
# PostgreSQL reads at most this many distinct words of a prefix (in byte order): a two-letter
# prefix of a large vocabulary stays one probe per word.
MAX_TERMS = 1000


def words(text: str) -> list[str]:
    """The folded words of `text`, as stored and as asked: "Éducation" -> "education"."""
    return [fold(word)[:TERM_LENGTH] for word in tokens(text)]


def entry_terms(entry: IndexEntry, boost: float) -> dict[str, float]:
    """{term: weight} of one entry: each word once, at its heaviest place."""
    terms: dict[str, float] = {}
    for word in words(" ".join(entry.autocomplete)):
        terms[word] = boost * EXTRA_WORD
    for position, word in enumerate(words(entry.title)):
        weight = boost * (FIRST_WORD if position == 0 else TITLE_WORD)
        terms[word] = max(weight, terms.get(word, 0.0))
    return terms


def term_rows(entry_id: int, entry: IndexEntry, boost: float) -> list[SuggestionTerm]:
    return [
        SuggestionTerm(entry_id=entry_id, term=term, weight=weight)
        for term, weight in entry_terms(entry, boost).items()
    ]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def prefix_condition(alias: str, prefix: str) -> tuple[str, list]:
    """The terms of `alias` starting with `prefix`, in byte order, from the term index."""
    if connection.vendor == "postgresql":
        return f"{alias}.term LIKE %s", [_escape_like(prefix) + "%"]
    # BINARY collation: every string starting with the prefix sorts below prefix + U+10FFFF.
    return f"{alias}.term >= %s AND {alias}.term < %s", [prefix, prefix + "\U0010ffff"]


def _conditions(whole: list[str], closed_locks) -> tuple[list[str], list]:
    """On the candidate row `t` and its entry `e`: every earlier word as a whole word, and
    none of the entry's locks closed to the user (the filter of every search)."""
    conditions, params = [], []
    for word in whole:
        conditions.append(
            f"EXISTS (SELECT 1 FROM {TABLE} w WHERE w.entry_id = t.entry_id AND w.term = %s)"
        )
        params.append(word)
    locks, lock_params = locks_filter(closed_locks, "e")
    if locks:
        conditions.append(f"({locks})")
        params.extend(lock_params)
    return conditions, params


def suggestions_sql(prefix: str, closed_locks, limit: int) -> tuple[str, list] | None:
    """One statement: (title, url, kind, kind label) of the best `limit` entries, or None
    when the prefix holds no word."""
    typed = words(prefix)[:MAX_WORDS]
    if not typed:
        return None
    *whole, last = typed
    if connection.vendor == "postgresql":
        return _postgresql_sql(last, whole, closed_locks, int(limit))
    return _sqlite_sql(last, whole, closed_locks, int(limit))


def _postgresql_sql(last: str, whole: list[str], closed_locks, limit: int) -> tuple[str, list]:
    """The distinct terms starting with `last`, one index probe each (a recursive "loose
    index scan", in byte order: `~>~`); for each term its `limit` heaviest allowed entries
    (index order: term, weight DESC, entry); of those, the `limit` heaviest entries. A prefix
    found in every title reads a few rows per distinct term, never every matching row."""
    pattern = _escape_like(last) + "%"
    conditions, params = _conditions(whole, closed_locks)
    where = " AND ".join(["t.term = v.term", *conditions])
    statement = f"""
        WITH RECURSIVE v(term, n) AS (
            (SELECT term, 1 FROM {TABLE} WHERE term LIKE %s ORDER BY term USING ~<~ LIMIT 1)
            UNION ALL
            SELECT (SELECT s.term FROM {TABLE} s WHERE s.term LIKE %s AND s.term ~>~ v.term
                    ORDER BY s.term USING ~<~ LIMIT 1), v.n + 1
            FROM v WHERE v.term IS NOT NULL AND v.n < {MAX_TERMS}
        )
        SELECT x.title, x.url, x.kind, x.kind_label
        FROM (
            SELECT c.entry_id, MAX(c.weight) AS weight
            FROM v CROSS JOIN LATERAL (
                SELECT t.entry_id, t.weight
                FROM {TABLE} t JOIN search_searchentry e ON e.id = t.entry_id
                WHERE {where}
                ORDER BY t.weight DESC, t.entry_id LIMIT %s
            ) c
            WHERE v.term IS NOT NULL
            GROUP BY c.entry_id
        ) best JOIN search_searchentry x ON x.id = best.entry_id
        ORDER BY best.weight DESC, best.entry_id LIMIT %s"""
    return statement, [pattern, pattern, *params, limit, limit]


def _sqlite_sql(last: str, whole: list[str], closed_locks, limit: int) -> tuple[str, list]:
    """The entries of the term range, each with its heaviest matching term, heaviest first:
    one pass over the range of the covering index, grouped (SQLite serves up to ~10,000
    entries, where a prefix found in every title is a range of about that many rows)."""
    matches, match_params = prefix_condition("t", last)
    conditions, params = _conditions(whole, closed_locks)
    where = " AND ".join([f"({matches})", *conditions])
    return (
        "SELECT x.title, x.url, x.kind, x.kind_label FROM ("
        f"SELECT t.entry_id, MAX(t.weight) AS weight FROM {TABLE} t "
        f"JOIN search_searchentry e ON e.id = t.entry_id WHERE {where} "
        "GROUP BY t.entry_id ORDER BY weight DESC, t.entry_id LIMIT %s"
        ") best JOIN search_searchentry x ON x.id = best.entry_id "
        "ORDER BY best.weight DESC, best.entry_id",
        [*match_params, *params, limit],
    )
