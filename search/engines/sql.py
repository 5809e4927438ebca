"""SQL shared by the database engines: the permission filter, the facet filters and the
facet counts, written once for SQLite and PostgreSQL (`%s` parameters only, never user text).

A vendor module (`search.engines.sqlite`, `search.engines.postgresql`) supplies the match:
the FROM clause joining its full-text index to `search_searchentry e`, the match condition
and a score (lower is better).
"""

from dataclasses import dataclass, field

from search.engines.base import FACETS

ENTRY_TABLE = "search_searchentry"
THEMATIC_TABLE = "search_searchentrythematic"
# Facet -> (value column, label column) on the entry table; "thematic" is a side table.
FACET_COLUMNS = {
    "kind": ("kind", "kind_label"),
    "resource_type": ("resource_type", "resource_type_label"),
    "structure": ("structure", "structure_label"),
    "group": ('"group"', "group_label"),
    "year": ("year", "year"),
}
MAX_FACET_VALUES = 50


@dataclass
class Match:
    """How a vendor finds the entries matching a query."""

    from_sql: str  # must expose the entry table as `e`
    where_sql: str
    from_params: list = field(default_factory=list)
    where_params: list = field(default_factory=list)
    score_sql: str = "0"  # lower is better; no parameters


def best_snippet(body: str, document: str, marker: str) -> str:
    """The body's snippet when it shows a match (or there is no document text), otherwise
    the document text's: a word found only inside an attached file is shown there."""
    if marker in body or not document:
        return body
    if marker in document or not body:
        return document
    return body


def sql_and(parts: list[tuple[str, list]]) -> tuple[str, list]:
    parts = [(sql, params) for sql, params in parts if sql]
    if not parts:
        return "1 = 1", []
    return " AND ".join(f"({sql})" for sql, _ in parts), [p for _, params in parts for p in params]


def locks_filter(closed_locks, alias: str = "e") -> tuple[str, list]:
    """Entries carrying none of the closed locks (locks are stored as " p3 c7 ")."""
    if not closed_locks:
        return "", []
    locks = sorted(closed_locks)
    tests = " OR ".join(f"{alias}.locks LIKE %s" for _ in locks)
    return f"{alias}.locks = '' OR NOT ({tests})", [f"% {lock} %" for lock in locks]


def facet_filter(facet: str, values, alias: str = "e") -> tuple[str, list]:
    values = sorted(set(values))
    if not values:
        return "", []
    placeholders = ", ".join(["%s"] * len(values))
    if facet == "thematic":
        return (
            f"EXISTS (SELECT 1 FROM {THEMATIC_TABLE} t WHERE t.entry_id = {alias}.id "
            f"AND t.value IN ({placeholders}))",
            values,
        )
    column = FACET_COLUMNS[facet][0]
    return f"{alias}.{column} IN ({placeholders})", values


def filters_sql(filters: dict, alias: str = "e", *, except_facet: str = "") -> tuple[str, list]:
    """AND across facets, OR within a facet; `except_facet` left out (multi-select counts)."""
    return sql_and(
        [
            facet_filter(facet, values, alias)
            for facet, values in sorted(filters.items())
            if facet in FACETS and facet != except_facet
        ]
    )


def _label_sql(facet: str) -> str:
    """The label of the facet value `g.v`, read from one entry (or thematic row) carrying it:
    counting reads values only, so a few labels are fetched instead of one per match."""
    if facet == "thematic":
        return f"(SELECT t.label FROM {THEMATIC_TABLE} t WHERE t.value = g.v LIMIT 1)"
    value, label = FACET_COLUMNS[facet]
    if value == label:
        return "g.v"
    return f"(SELECT x.{label} FROM {ENTRY_TABLE} x WHERE x.{value} = g.v LIMIT 1)"


def order_sql(sort: str, alias: str) -> str:
    """Relevance (score, lower is better) or newest first; the id breaks ties."""
    if sort == "date":
        return f"{alias}.date IS NULL, {alias}.date DESC, {alias}.id"
    return f"{alias}.score, {alias}.id"


def results_sql(
    match: Match, closed_locks, filters: dict, sort: str, window: int
) -> tuple[str, list]:
    """One statement on one match set (a phrase is rechecked once): the total, every facet's
    counts on the permission-filtered matches, each facet counted with the other facets'
    selections only, and the ids of the first `window` hits in order. Every match is scored:
    the first page is the exact ranking, never a shortlist's."""
    locks, lock_params = locks_filter(closed_locks)
    where, where_params = sql_and([(match.where_sql, match.where_params), (locks, lock_params)])
    columns = ", ".join(f"e.{value}" for value, _ in FACET_COLUMNS.values())
    score = "0" if sort == "date" else match.score_sql
    parts, params = [], [*match.from_params, *where_params]
    for facet in FACETS:
        condition, condition_params = filters_sql(filters, "m", except_facet=facet)
        if facet == "thematic":
            counts = (
                "SELECT t.value AS v, COUNT(*) AS n FROM m "
                f"JOIN {THEMATIC_TABLE} t ON t.entry_id = m.id WHERE {condition} "
                "GROUP BY t.value"
            )
        else:
            value = FACET_COLUMNS[facet][0]
            counts = (
                f"SELECT m.{value} AS v, COUNT(*) AS n FROM m "
                f"WHERE {condition} AND m.{value} <> '' GROUP BY m.{value}"
            )
        parts.append(f"SELECT '{facet}', g.v, {_label_sql(facet)}, g.n FROM ({counts}) g")
        params.extend(condition_params)
    condition, condition_params = filters_sql(filters, "m")
    parts.append(f"SELECT '', '', '', COUNT(*) FROM m WHERE {condition}")
    params.extend(condition_params)
    # The hits come last, numbered in their order (UNION ALL keeps no order of its own).
    parts.append(
        f"SELECT '#', CAST(h.id AS TEXT), '', ROW_NUMBER() OVER (ORDER BY {order_sql(sort, 'h')}) "
        f"FROM (SELECT m.id, m.date, m.score FROM m WHERE {condition} "
        f"ORDER BY {order_sql(sort, 'm')} LIMIT {int(window)}) h"
    )
    params.extend(condition_params)
    sql = (
        f"WITH m AS MATERIALIZED (SELECT e.id, {columns}, e.date, {score} AS score "
        f"FROM {match.from_sql} WHERE {where}) " + " UNION ALL ".join(parts)
    )
    return sql, params


def hits_sql(
    match: Match, closed_locks, filters: dict, sort: str, limit: int, offset: int
) -> tuple[str, list]:
    """A page of hit ids beyond the first window of `results_sql` (deep pages only)."""
    locks, lock_params = locks_filter(closed_locks)
    filters_where, filter_params = filters_sql(filters)
    where, params = sql_and(
        [
            (match.where_sql, match.where_params),
            (locks, lock_params),
            (filters_where, filter_params),
        ]
    )
    score = "0" if sort == "date" else match.score_sql
    return (
        f"SELECT h.id FROM (SELECT e.id, e.date, {score} AS score FROM {match.from_sql} "
        f"WHERE {where}) h ORDER BY {order_sql(sort, 'h')} LIMIT %s OFFSET %s",
        [*match.from_params, *params, limit, offset],
    )


def exists_sql(match: Match, closed_locks) -> tuple[str, list]:
    """Whether the user may see at least one match (no ranking, no sorting)."""
    locks, lock_params = locks_filter(closed_locks)
    where, params = sql_and([(match.where_sql, match.where_params), (locks, lock_params)])
    return (
        f"SELECT 1 FROM {match.from_sql} WHERE {where} LIMIT 1",
        [*match.from_params, *params],
    )
