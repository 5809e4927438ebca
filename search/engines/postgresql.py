"""PostgreSQL full-text search: weighted tsvectors (title A, body B, document text C) in the
`french_unaccent` configuration (migration 0001), GIN-indexed (migration 0003), ranked with
ts_rank, highlighted with ts_headline on the page of hits only.

Queries are built from parameterised `plainto_tsquery`/`phraseto_tsquery` calls combined
with `||`, `&&` and `!!`: user text never reaches `to_tsquery`'s operator syntax.
The unstemmed, accent-folded vector of the titles (`suggest_vector`, `simple_unaccent`) is
the vocabulary of "did you mean"; the header box's suggestions read the suggestion terms
(`search.engines.suggestions`).
"""

from contextlib import contextmanager

from django.db import connection, transaction

from search.engines.sql import Match, best_snippet
from search.query import Clause, ParsedQuery

CONFIG = "french_unaccent"
# "Did you mean" reads the title words of this many of the most boosted entries.
VOCABULARY_ENTRIES = 5_000
MARK_START, MARK_END = "\ue000", "\ue001"
# tsvectors are capped at 1 MB: only the start of a very long document is indexed.
MAX_INDEXED_CHARS = 300_000
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
TITLE_OPTIONS = f'StartSel="{MARK_START}", StopSel="{MARK_END}", HighlightAll=true'


def _clause(clause: Clause) -> tuple[str, list]:
    if clause.is_phrase:
        return f"phraseto_tsquery('{CONFIG}', %s)", [" ".join(clause.tokens)]
    return f"plainto_tsquery('{CONFIG}', %s)", [clause.terms[0]]


def tsquery(query: ParsedQuery) -> tuple[str, list]:
    """Requirements AND-ed, alternatives OR-ed, exclusions negated."""
    parts, params = [], []
    for requirement in query.required:
        alternatives = [_clause(clause) for clause in requirement.alternatives]
        parts.append("(" + " || ".join(sql for sql, _ in alternatives) + ")")
        params.extend(p for _, clause_params in alternatives for p in clause_params)
    for clause in query.excluded:
        sql, clause_params = _clause(clause)
        parts.append(f"!!({sql})")
        params.extend(clause_params)
    return " && ".join(parts), params


def match(query: ParsedQuery) -> Match:
    sql, params = tsquery(query)
    return Match(
        from_sql=f"search_searchentry e CROSS JOIN (SELECT {sql} AS q) query",
        from_params=params,
        where_sql="e.search_vector @@ query.q",
        score_sql="-ts_rank(e.search_vector, query.q) * e.boost",
    )


@contextmanager
def planned_on_the_index():
    """Run the search's queries in a transaction where the planner uses the GIN index even
    for a word found in (nearly) every entry: it underestimates the cost of `@@` on a
    sequential scan, which must decompress every entry's vector (3x slower, measured). The
    facet counts of such a word hold every entry: enough memory keeps them off disk."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL work_mem = '64MB'")
        yield


def highlights(query: ParsedQuery, ids: list[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    sql, params = tsquery(query)
    placeholders = ", ".join(["%s"] * len(ids))
    statement = (
        f"SELECT e.id, ts_headline('{CONFIG}', e.title, query.q, %s), "
        f"ts_headline('{CONFIG}', e.body, query.q, %s), "
        f"ts_headline('{CONFIG}', left(e.document_text, {MAX_INDEXED_CHARS}), query.q, %s) "
        f"FROM search_searchentry e CROSS JOIN (SELECT {sql} AS q) query "
        f"WHERE e.id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            statement, [TITLE_OPTIONS, HEADLINE_OPTIONS, HEADLINE_OPTIONS, *params, *ids]
        )
        rows = cursor.fetchall()
    return {
        pk: (title, best_snippet(body, document, MARK_START)) for pk, title, body, document in rows
    }


def after_write(ids: list[int]) -> None:
    """Compute the vectors of the entries just written."""
    if not ids:
        return
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET search_vector = "
            f"setweight(to_tsvector('{CONFIG}', title), 'A') || "
            f"setweight(to_tsvector('{CONFIG}', left(body, {MAX_INDEXED_CHARS})), 'B') || "
            f"setweight(to_tsvector('{CONFIG}', left(document_text, {MAX_INDEXED_CHARS})), 'C'), "
            "suggest_vector = to_tsvector('simple_unaccent', title || ' ' || autocomplete) "
            f"WHERE id IN ({placeholders})",
            ids,
        )


def vocabulary() -> list[str]:
    """Words of the titles of the most boosted entries: ts_stat over every title of a large
    index would cost more than the search itself."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM ts_stat('SELECT suggest_vector FROM search_searchentry "
            f"ORDER BY boost DESC LIMIT {VOCABULARY_ENTRIES}') WHERE length(word) > 3"
        )
        return [row[0] for row in cursor.fetchall()]


def clear_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchentrythematic")
        cursor.execute("DELETE FROM search_suggestionterm")
        cursor.execute("DELETE FROM search_searchentry")


def after_rebuild() -> None:
    """Fresh statistics: the planner otherwise guesses a few hundred matches for a word
    found in every entry, and picks plans for that."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("ANALYZE search_searchentrythematic")
        if connection.in_atomic_block:
            cursor.execute("ANALYZE search_suggestionterm")
        else:
            # Every old term is now a dead row: the planner's probe of the index's actual
            # range would wade through them (84 ms of planning for "jeunes en bre" at
            # 100,000 entries, 3 ms after VACUUM, which takes about a second).
            cursor.execute("VACUUM ANALYZE search_suggestionterm")
