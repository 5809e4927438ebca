"""The Elasticsearch index: French analysis, the field mapping, and entries as documents.

Text is analysed like the database engine analyses it: standard tokenizer, elided articles
dropped ("l'insertion" -> "insertion"), lowercase, accents folded, light French stemming.
The editors' synonyms apply at search time only (`synonym_graph` in the search analyzer):
they are baked into the index settings when the index is built, because the query parser
(`search.query`) already expands the live synonym list into alternatives on every query, so
an editor's change takes effect at once without touching the index; the analyser's copy
only needs to be as fresh as the last rebuild.

Facets are stored twice: `<facet>` holds the values (filters match them) and
`<facet>_choice` holds "value|label" (aggregations count it, so each bucket carries its
label and hits rebuild their `Choice`s from it without a lookup).
"""

from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    token_filter,
)

from search.analysis import ELISIONS, STOPWORDS, fold, words_with_elisions
from search.engines.base import FACETS, IndexEntry
from search.engines.digest import entry_digest

FRENCH_ELISION = token_filter(
    "trame_elision", "elision", articles_case=True, articles=sorted(ELISIONS)
)
FRENCH_STEMMER = token_filter("trame_light_french", "stemmer", language="light_french")
SYNONYMS_FILTER = "trame_synonyms"

# Index time: no synonyms (a synonym graph cannot be indexed faithfully).
FRENCH = analyzer(
    "trame_french",
    tokenizer="standard",
    filter=[FRENCH_ELISION, "lowercase", "asciifolding", FRENCH_STEMMER],
)
# Unstemmed: exact word forms in titles, spelling suggestions and completion.
FOLDED = analyzer(
    "trame_folded", tokenizer="standard", filter=[FRENCH_ELISION, "lowercase", "asciifolding"]
)
SEARCH_ANALYZER = "trame_french_search"

LOCKSET_CONTEXT = "lockset"
PUBLIC_LOCKSET = "_"  # the lock-set of entries no restriction guards
MAX_COMPLETION_INPUTS = 8


def french_search_analyzer(synonyms: list[str]):
    """The search-time analyser: FRENCH plus the synonym lines ("cej, contrat d'engagement
    jeune"), which the filters before the synonyms analyse (so elisions and accents match)."""
    filters = [FRENCH_ELISION, "lowercase", "asciifolding"]
    if synonyms:  # Elasticsearch refuses a synonym filter without rules
        filters.append(
            token_filter(SYNONYMS_FILTER, "synonym_graph", synonyms=list(synonyms), lenient=True)
        )
    filters.append(FRENCH_STEMMER)
    return analyzer(SEARCH_ANALYZER, tokenizer="standard", filter=filters)


def synonym_lines(groups: list[list[str]]) -> list[str]:
    """Solr-format rules from the editors' groups: one equivalence line per group."""
    lines = []
    for group in groups:
        expressions = [e.replace(",", " ").replace("=>", " ").strip() for e in group]
        expressions = [e for e in expressions if e]
        if len(expressions) > 1:
            lines.append(", ".join(expressions))
    return lines


def french_text(**kwargs) -> Text:
    return Text(analyzer=FRENCH, search_analyzer=SEARCH_ANALYZER, **kwargs)


class EntryDocument(Document):
    key = Keyword()
    title = french_text(fields={"folded": Text(analyzer=FOLDED)}, copy_to="spelling")
    body = french_text(copy_to="spelling")
    # Offsets let the highlighter read positions from the index instead of re-analysing
    # texts of up to a million characters.
    document_text = french_text(index_options="offsets")
    spelling = Text(analyzer=FOLDED)  # "did you mean", from titles and bodies
    kind = Keyword()
    kind_choice = Keyword()
    thematic = Keyword()
    thematic_choice = Keyword()
    resource_type = Keyword()
    resource_type_choice = Keyword()
    structure = Keyword()
    structure_choice = Keyword()
    group = Keyword()
    group_choice = Keyword()
    year = Keyword()
    year_choice = Keyword()
    date = Date(format="strict_date")
    popularity = Integer()
    locks = Keyword()
    lockset = Keyword()  # the canonical lock-set, for the completion contexts
    file_format = Keyword()
    file_size = Long()
    url = Keyword(index=False)
    digest = Keyword(index=False)  # read back by search_check, never searched
    suggest = Completion(
        analyzer=FOLDED,
        contexts=[{"name": LOCKSET_CONTEXT, "type": "category"}],
    )


def build_index(name: str, synonyms: list[str]) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1)
    index.analyzer(french_search_analyzer(synonyms))
    index.document(EntryDocument)
    return index


def lockset(locks) -> str:
    return ",".join(sorted(set(locks))) or PUBLIC_LOCKSET


def completion_inputs(entry: IndexEntry) -> list[str]:
    """The title, then the title from each later word (so "insertion" completes "Guide de
    l'insertion"), then the entry's extra strings."""
    inputs = [entry.title]
    text = entry.title
    offset = 0
    for word, elided in words_with_elisions(text)[1:]:
        start = text.index(word, offset)
        offset = start + len(word)
        if not elided and len(word) > 2 and fold(word) not in STOPWORDS:
            inputs.append(text[start:])
    inputs.extend(entry.autocomplete)
    unique = list(dict.fromkeys(i.strip() for i in inputs if i and i.strip()))
    return unique[:MAX_COMPLETION_INPUTS]


def _facet_choices(entry: IndexEntry) -> dict[str, list]:
    choices = {
        "kind": [entry.kind],
        "thematic": list(entry.thematics),
        "resource_type": [entry.resource_type] if entry.resource_type else [],
        "structure": [entry.structure] if entry.structure else [],
        "group": [entry.group] if entry.group else [],
    }
    year = entry.year
    out = {}
    for facet in FACETS:
        if facet == "year":
            values, labelled = ([year], [f"{year}|{year}"]) if year else ([], [])
        else:
            values = [c.value for c in choices[facet]]
            labelled = [f"{c.value}|{c.label}" for c in choices[facet]]
        out[facet] = values
        out[f"{facet}_choice"] = labelled
    return out


def entry_document(entry: IndexEntry) -> EntryDocument:
    set_of_locks = lockset(entry.locks)
    inputs = completion_inputs(entry)
    suggest = {
        "input": inputs,
        "weight": max(0, min(entry.popularity, 2**31 - 1)),
        "contexts": {LOCKSET_CONTEXT: [set_of_locks]},
    }
    return EntryDocument(
        meta={"id": entry.key},
        key=entry.key,
        title=entry.title,
        body=entry.body,
        document_text=entry.document_text,
        date=entry.date.isoformat() if entry.date else None,
        popularity=entry.popularity,
        locks=sorted(set(entry.locks)),
        lockset=set_of_locks,
        file_format=entry.file_format,
        file_size=entry.file_size,
        url=entry.url,
        digest=entry_digest(entry),
        suggest=suggest if inputs else None,  # an entry without a title is not suggested
        **_facet_choices(entry),
    )
