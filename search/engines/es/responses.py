"""Elasticsearch response bodies read into the engines' values.

Highlights come back HTML-escaped (`encoder: html`) with the matched words in <mark>; where
there is no highlight, the plain text is escaped here, so titles and snippets are always safe
HTML.
"""

import datetime

from django.utils.html import escape
from django.utils.text import Truncator

from search.engines.base import FACETS, Choice, FacetCount, Hit, SearchResults, Suggestion
from search.engines.es.queries import SNIPPET_LENGTH

ENGINE_NAME = "elasticsearch"


def choice(labelled: str) -> Choice:
    value, _, label = labelled.partition("|")
    return Choice(value, label or value)


def _choices(source: dict, facet: str) -> tuple[Choice, ...]:
    values = source.get(f"{facet}_choice") or []
    if isinstance(values, str):
        values = [values]
    return tuple(choice(v) for v in values)


def _first(choices: tuple[Choice, ...]) -> Choice | None:
    return choices[0] if choices else None


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _snippet(source: dict, highlight: dict) -> str:
    for field in ("body", "document_text"):
        if highlight.get(field):
            return highlight[field][0]
    text = source.get("body") or ""
    return escape(Truncator(" ".join(text.split())).chars(SNIPPET_LENGTH))


def hit(raw: dict) -> Hit:
    source = raw.get("_source") or {}
    highlight = raw.get("highlight") or {}
    title = highlight["title"][0] if highlight.get("title") else escape(source.get("title", ""))
    return Hit(
        key=source.get("key") or raw["_id"],
        kind=_first(_choices(source, "kind")) or Choice("", ""),
        title=title,
        url=source.get("url", ""),
        snippet=_snippet(source, highlight),
        date=_date(source.get("date")),
        thematics=_choices(source, "thematic"),
        resource_type=_first(_choices(source, "resource_type")),
        structure=_first(_choices(source, "structure")),
        group=_first(_choices(source, "group")),
        file_format=source.get("file_format") or "",
        file_size=source.get("file_size"),
    )


def facets(aggregations: dict, selected: dict[str, list[str]]) -> dict[str, list[FacetCount]]:
    out = {}
    for facet in FACETS:
        buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
        chosen = set(selected.get(facet, ()))
        counts = []
        for bucket in buckets:
            found = choice(bucket["key"])
            counts.append(
                FacetCount(found.value, found.label, bucket["doc_count"], found.value in chosen)
            )
        present = {count.value for count in counts}
        # A selected value stays listed (to be unselected) even when nothing matches it.
        counts.extend(
            FacetCount(value, value, 0, True)
            for value in selected.get(facet, ())
            if value not in present
        )
        out[facet] = counts
    return out


def total(hits: dict) -> int:
    value = hits.get("total", 0)
    return value.get("value", 0) if isinstance(value, dict) else int(value)


def suggestion(body: dict, asked: str) -> str:
    for entry in body.get("suggest", {}).get("spelling", []):
        for option in entry.get("options", []):
            if option.get("collate_match", True) and option.get("text") != asked:
                return option["text"]
    return ""


def search_results(
    body: dict, page: int, per_page: int, selected: dict[str, list[str]], asked: str
) -> SearchResults:
    hits = body.get("hits", {})
    return SearchResults(
        hits=[hit(raw) for raw in hits.get("hits", [])],
        total=total(hits),
        facets=facets(body.get("aggregations", {}), selected),
        page=page,
        per_page=per_page,
        engine=ENGINE_NAME,
        suggestion=suggestion(body, asked),
    )


def suggestions(body: dict) -> list[Suggestion]:
    out, seen = [], set()
    for entry in body.get("suggest", {}).get("autocomplete", []):
        for option in entry.get("options", []):
            source = option.get("_source") or {}
            if option.get("_id") in seen or not source.get("title"):
                continue
            seen.add(option.get("_id"))
            kind = _first(_choices(source, "kind")) or Choice("", "")
            out.append(Suggestion(label=source["title"], url=source.get("url", ""), kind=kind))
    return out


def locksets(body: dict) -> list[str]:
    buckets = body.get("aggregations", {}).get("locksets", {}).get("buckets", [])
    return [bucket["key"] for bucket in buckets]
