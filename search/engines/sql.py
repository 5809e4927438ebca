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


def facets_sql(match: Match, closed_locks, filters: dict) -> tuple[str, list]:
    """One query answering the total and every facet's counts on the permission-filtered
    match set, each facet counted with the other facets' selections only."""
    locks, lock_params = locks_filter(closed_locks)
    where, where_params = sql_and([(match.where_sql, match.where_params), (locks, lock_params)])
    columns = ", ".join(
        f"e.{column}" for pair in FACET_COLUMNS.values() for column in dict.fromkeys(pair)
    )
    parts, params = [], [*match.from_params, *where_params]
    for facet in FACETS:
        condition, condition_params = filters_sql(filters, "m", except_facet=facet)
        if facet == "thematic":
            parts.append(
                "SELECT 'thematic', t.value, MIN(t.label), COUNT(*) FROM m "
                f"JOIN {THEMATIC_TABLE} t ON t.entry_id = m.id WHERE {condition} "
                "GROUP BY t.value"
            )
        else:
            value, label = FACET_COLUMNS[facet]
            parts.append(
                f"SELECT '{facet}', m.{value}, MIN(m.{label}), COUNT(*) FROM m "
                f"WHERE {condition} AND m.{value} <> '' GROUP BY m.{value}"
            )
        params.extend(condition_params)
    condition, condition_params = filters_sql(filters, "m")
    parts.append(f"SELECT '', '', '', COUNT(*) FROM m WHERE {condition}")
    params.extend(condition_params)
    sql = (
        f"WITH m AS MATERIALIZED (SELECT e.id, {columns} FROM {match.from_sql} WHERE {where}) "
        + " UNION ALL ".join(parts)
    )
    return sql, params


def hits_sql(
    match: Match,
    closed_locks,
    filters: dict,
    sort: str,
    limit: int,
    offset: int,
    *,
    candidate_cap: int | None = None,
    columns: str = "e.id",
) -> tuple[str, list]:
    """The page of hit ids. By date, the score is not computed at all. By relevance with a
    `candidate_cap`, only the `candidate_cap` most boosted matches (popular, recent) are
    scored: ranking a word found in 100,000 entries would read every entry's vector."""
    locks, lock_params = locks_filter(closed_locks)
    filters_where, filter_params = filters_sql(filters)
    where, params = sql_and(
        [
            (match.where_sql, match.where_params),
            (locks, lock_params),
            (filters_where, filter_params),
        ]
    )
    params = [*match.from_params, *params, limit, offset]
    if sort == "date":
        return (
            f"SELECT {columns}, 0 AS score FROM {match.from_sql} WHERE {where} "
            "ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT %s OFFSET %s",
            params,
        )
    if candidate_cap:
        return (
            f"SELECT * FROM (SELECT {columns}, {match.score_sql} AS score, e.id AS entry_id "
            f"FROM {match.from_sql} WHERE {where} ORDER BY e.boost DESC LIMIT {int(candidate_cap)}"
            ") candidates ORDER BY score, entry_id LIMIT %s OFFSET %s",
            params,
        )
    return (
        f"SELECT {columns}, {match.score_sql} AS score FROM {match.from_sql} WHERE {where} "
        "ORDER BY score, e.id LIMIT %s OFFSET %s",
        params,
    )


def exists_sql(match: Match, closed_locks) -> tuple[str, list]:
    """Whether the user may see at least one match (no ranking, no sorting)."""
    locks, lock_params = locks_filter(closed_locks)
    where, params = sql_and([(match.where_sql, match.where_params), (locks, lock_params)])
    return (
        f"SELECT 1 FROM {match.from_sql} WHERE {where} LIMIT 1",
        [*match.from_params, *params],
    )
