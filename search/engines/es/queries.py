"""Request bodies, built with `elasticsearch.dsl` from a parsed `SearchRequest`.

Permission is a `filter` of the main query (entries carrying a lock closed to the user never
match), so hits, totals, facet counts and spelling suggestions all obey it; facet selections
go in `post_filter`, and each facet's aggregation is filtered by the other facets' selections
only, so a facet keeps offering its other values (multi-select facets).
"""

from elasticsearch.dsl import Q, Search

from search.engines.base import FACETS, SearchRequest
from search.engines.es.mapping import LOCKSET_CONTEXT, PUBLIC_LOCKSET
from search.query import Clause, ParsedQuery

TEXT_FIELDS = ["title^4", "title.folded^4", "body^2", "document_text"]
MAX_WINDOW = 10_000  # index.max_result_window: from + size may not exceed it
MAX_PER_PAGE = 100
FACET_SIZE = 50
MAX_FILTER_VALUES = 20
SNIPPET_LENGTH = 180
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
MAX_LOCKSETS = 10_000
# Full boost for a month, half of it after a year.
RECENCY = {"origin": "now", "scale": "365d", "offset": "30d", "decay": 0.5}


def clause_query(clause: Clause) -> Q:
    text = " ".join(clause.terms)
    if clause.is_phrase:
        return Q("multi_match", query=text, fields=TEXT_FIELDS, type="phrase")
    return Q("multi_match", query=text, fields=TEXT_FIELDS, operator="and")


def main_query(query: ParsedQuery, closed_locks) -> Q:
    """Every requirement must match (any of its alternatives), no excluded clause may, and
    no entry carrying a closed lock is ever considered."""
    must = []
    for requirement in query.required:
        alternatives = [clause_query(c) for c in requirement.alternatives]
        if len(alternatives) == 1:
            must.append(alternatives[0])
        else:
            must.append(Q("bool", should=alternatives, minimum_should_match=1))
    parts = {"must": must}
    if query.excluded:
        parts["must_not"] = [clause_query(c) for c in query.excluded]
    if closed_locks:
        parts["filter"] = permission_filter(closed_locks)
    return Q("bool", **parts)


def permission_filter(closed_locks) -> list[Q]:
    if not closed_locks:
        return []
    return [Q("bool", must_not=[Q("terms", locks=sorted(closed_locks))])]


def boosted(query: Q) -> Q:
    """Mild boosts: the score is multiplied by 1 + up to ~0.6 for popularity (log of the
    views) + up to 0.3 for a recent date; undated entries (people) get no recency boost."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {"weight": 1},
            {
                "field_value_factor": {
                    "field": "popularity",
                    "factor": 0.1,
                    "modifier": "log1p",
                    "missing": 0,
                },
                "weight": 0.2,
            },
            {
                "filter": {"exists": {"field": "date"}},
                "gauss": {"date": RECENCY},
                "weight": 0.3,
            },
        ],
        score_mode="sum",
        boost_mode="multiply",
    )


def selections(filters: dict) -> dict[str, list[str]]:
    """The facet values the user selected, for known facets only."""
    out = {}
    for facet in FACETS:
        values = [str(v) for v in filters.get(facet, ()) if str(v)][:MAX_FILTER_VALUES]
        if values:
            out[facet] = sorted(set(values))
    return out


def _all_of(queries: list[Q]) -> Q:
    if not queries:
        return Q("match_all")
    return queries[0] if len(queries) == 1 else Q("bool", filter=queries)


def page_window(page: int, per_page: int) -> tuple[int, int, int]:
    """(page, from, size) with from + size capped at the result window: a page beyond it
    asks for no hit (totals and facets still come back), like a page beyond the last."""
    size = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    start = (page - 1) * size
    if start >= MAX_WINDOW:
        return page, 0, 0
    return page, start, min(size, MAX_WINDOW - start)


def suggestion_text(query: ParsedQuery) -> str:
    return " ".join(r.alternatives[0].text for r in query.required)


def spelling_suggester(query: ParsedQuery, closed_locks) -> dict:
    """A phrase suggester whose corrections must match a visible entry (`collate` with the
    permission filter), so a correction never reveals a word of a private title or body."""
    collate = Q(
        "bool",
        must=[Q("match", spelling={"query": "{{suggestion}}", "operator": "and"})],
        filter=permission_filter(closed_locks),
    )
    return {
        "field": "spelling",
        "size": 1,
        "direct_generator": [{"field": "spelling", "suggest_mode": "always"}],
        "collate": {"query": {"source": collate.to_dict()}, "prune": False},
    }


def search_body(request: SearchRequest, closed_locks) -> tuple[Search, int, int]:
    """The search for this request and user, with the page and page size it serves."""
    page, start, size = page_window(request.page, request.per_page)
    per_page = max(1, min(request.per_page, MAX_PER_PAGE))
    search = Search().query(boosted(main_query(request.query, closed_locks)))
    chosen = selections(request.filters)
    if chosen:
        search = search.post_filter(
            _all_of([Q("terms", **{facet: values}) for facet, values in chosen.items()])
        )
    for facet in FACETS:
        others = [Q("terms", **{f: v}) for f, v in chosen.items() if f != facet]
        search.aggs.bucket(facet, "filter", filter=_all_of(others)).bucket(
            "values", "terms", field=f"{facet}_choice", size=FACET_SIZE
        )
    if request.sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.source(excludes=["document_text", "spelling", "suggest"])
    search = search.highlight("title", number_of_fragments=0)
    search = search.highlight(
        "body", "document_text", fragment_size=SNIPPET_LENGTH, number_of_fragments=1
    )
    search = search.highlight_options(**HIGHLIGHT_TAGS)
    search = search.suggest(
        "spelling",
        suggestion_text(request.query),
        phrase=spelling_suggester(request.query, closed_locks),
    )
    search = search.extra(track_total_hits=True, from_=start, size=size)
    return search, page, per_page


def autocomplete_body(prefix: str, openable_locksets: list[str], limit: int) -> Search:
    """Completion over the titles of entries whose whole lock-set the user may open. A
    completion query without contexts would search every context, so the public lock-set is
    always among those asked for."""
    contexts = sorted(set(openable_locksets) | {PUBLIC_LOCKSET})
    return (
        Search()
        .source(["title", "url", "kind_choice"])
        .suggest(
            "autocomplete",
            prefix,
            completion={
                "field": "suggest",
                "size": limit,
                "contexts": {LOCKSET_CONTEXT: contexts},
            },
        )
    )


def locksets_body() -> Search:
    search = Search().extra(size=0)
    search.aggs.bucket("locksets", "terms", field="lockset", size=MAX_LOCKSETS)
    return search


def openable(locksets: list[str], closed_locks) -> list[str]:
    """The lock-sets none of whose locks is closed to the user."""
    return [
        lockset
        for lockset in locksets
        if lockset == PUBLIC_LOCKSET or not (set(lockset.split(",")) & set(closed_locks))
    ]
