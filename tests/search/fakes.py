"""A small in-memory engine for the view tests: it honours the contract (words, synonyms as
alternatives, exclusions, filters, facet counts, sort, pages, locks) without any index, so the
views can be tested apart from the database and Elasticsearch engines."""

import datetime
from collections import Counter

from django.utils.html import escape

from search.analysis import TOKEN_RE, fold, tokens
from search.engines.base import (
    Choice,
    Engine,
    FacetCount,
    Hit,
    IndexEntry,
    SearchRequest,
    SearchResults,
    Suggestion,
)
from search.visibility import closed_locks

RESOURCE = Choice("resource", "Ressource")
DOCUMENT = Choice("document", "Document")
NEWS = Choice("news", "Actualité")
PERSON = Choice("person", "Personne")


def entry(key: str, title: str, **fields) -> IndexEntry:
    fields.setdefault("kind", RESOURCE)
    fields.setdefault("url", f"/{key.replace(':', '-')}/")
    return IndexEntry(key=key, title=title, **fields)


def _words(entry: IndexEntry) -> set[str]:
    return {fold(token) for token in tokens(f"{entry.title} {entry.body} {entry.document_text}")}


def _mark(text: str, terms) -> str:
    """Escaped text with the words of the query in <mark>, as the contract's Hit requires."""
    marked, position = [], 0
    for match in TOKEN_RE.finditer(text):
        marked.append(escape(text[position : match.start()]))
        word = escape(match.group())
        marked.append(f"<mark>{word}</mark>" if fold(match.group()) in terms else word)
        position = match.end()
    marked.append(escape(text[position:]))
    return "".join(marked)


def _values(entry: IndexEntry, facet: str) -> list[Choice]:
    if facet == "thematic":
        return list(entry.thematics)
    if facet == "year":
        return [Choice(entry.year, entry.year)] if entry.year else []
    value = getattr(entry, facet)
    return [value] if value else []


class FakeEngine(Engine):
    name = "fake"

    def __init__(self, entries=(), *, suggestion="", degraded=False, error=None):
        self.entries = list(entries)
        self.suggestion = suggestion
        self.degraded = degraded
        self.error = error
        self.requests: list[SearchRequest] = []
        self.prefixes: list[str] = []

    def visible(self, user) -> list[IndexEntry]:
        closed = closed_locks(user)
        return [e for e in self.entries if not closed.intersection(e.locks)]

    def _matches(self, entry: IndexEntry, request: SearchRequest) -> bool:
        words = _words(entry)
        for requirement in request.query.required:
            if not any(set(clause.terms) <= words for clause in requirement.alternatives):
                return False
        return not any(set(clause.terms) <= words for clause in request.query.excluded)

    def _filtered(self, entries, filters, except_facet=None):
        for facet, values in filters.items():
            if facet == except_facet:
                continue
            entries = [e for e in entries if {c.value for c in _values(e, facet)} & set(values)]
        return entries

    def search(self, request: SearchRequest, user) -> SearchResults:
        if self.error:
            raise self.error
        self.requests.append(request)
        matching = [e for e in self.visible(user) if self._matches(e, request)]
        found = self._filtered(matching, request.filters)
        if request.sort == "date":
            found.sort(key=lambda e: e.date or datetime.date.min, reverse=True)
        facets = {}
        for facet in ("kind", "thematic", "resource_type", "structure", "group", "year"):
            counted = Counter()
            labels = {}
            for e in self._filtered(matching, request.filters, except_facet=facet):
                for choice in _values(e, facet):
                    counted[choice.value] += 1
                    labels[choice.value] = choice.label
            selected = request.filters.get(facet, ())
            facets[facet] = [
                FacetCount(value, labels[value], count, value in selected)
                for value, count in counted.most_common()
            ]
        start = (request.page - 1) * request.per_page
        terms = set(request.query.terms)
        hits = [
            Hit(
                key=e.key,
                kind=e.kind,
                title=_mark(e.title, terms),
                url=e.url,
                snippet=_mark((e.body or e.document_text)[:200], terms),
                date=e.date,
                thematics=e.thematics,
                resource_type=e.resource_type,
                structure=e.structure,
                group=e.group,
                file_format=e.file_format,
                file_size=e.file_size,
            )
            for e in found[start : start + request.per_page]
        ]
        return SearchResults(
            hits=hits,
            total=len(found),
            facets=facets,
            page=request.page,
            per_page=request.per_page,
            engine=self.name,
            degraded=self.degraded,
            suggestion=self.suggestion if not found else "",
        )

    def autocomplete(self, prefix: str, user, limit: int = 8) -> list[Suggestion]:
        if self.error:
            raise self.error
        self.prefixes.append(prefix)
        folded = fold(prefix)
        return [
            Suggestion(e.title, e.url, e.kind)
            for e in self.visible(user)
            if fold(e.title).startswith(folded)
        ][:limit]
