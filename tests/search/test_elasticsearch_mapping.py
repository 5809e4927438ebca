"""The index Elasticsearch is asked to create, and the documents it receives."""

import datetime

import pytest

from search.engines.base import Choice, IndexEntry
from search.engines.digest import entry_digest
from search.engines.es.mapping import (
    build_index,
    completion_inputs,
    entry_document,
    synonym_lines,
)
from search.models import SynonymGroup

ELISION = {
    "type": "elision",
    "articles_case": True,
    "articles": sorted(
        ["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"]
    ),
}
FRENCH_TEXT = {
    "type": "text",
    "analyzer": "trame_french",
    "search_analyzer": "trame_french_search",
}
FACET = {"type": "keyword"}

EXPECTED_INDEX = {
    "settings": {
        "number_of_shards": 1,
        "analysis": {
            "analyzer": {
                "trame_french": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["trame_elision", "lowercase", "asciifolding", "trame_light_french"],
                },
                "trame_french_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "trame_elision",
                        "lowercase",
                        "asciifolding",
                        "trame_synonyms",
                        "trame_light_french",
                    ],
                },
                "trame_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["trame_elision", "lowercase", "asciifolding"],
                },
            },
            "filter": {
                "trame_elision": ELISION,
                "trame_light_french": {"type": "stemmer", "language": "light_french"},
                "trame_synonyms": {
                    "type": "synonym_graph",
                    "synonyms": [
                        "CEJ, Contrat d'Engagement Jeune",
                        "PRF, Programme Régional de Formation",
                    ],
                    "lenient": True,
                },
            },
        },
    },
    "mappings": {
        "properties": {
            "key": {"type": "keyword"},
            "title": {
                **FRENCH_TEXT,
                "copy_to": "spelling",
                "fields": {"folded": {"type": "text", "analyzer": "trame_folded"}},
            },
            "body": {**FRENCH_TEXT, "copy_to": "spelling"},
            "document_text": {**FRENCH_TEXT, "index_options": "offsets"},
            "spelling": {"type": "text", "analyzer": "trame_folded"},
            **dict.fromkeys(("kind", "thematic", "resource_type"), FACET),
            **dict.fromkeys(("structure", "group", "year"), FACET),
            **{f"{name}_choice": FACET for name in ("kind", "thematic", "resource_type")},
            **{f"{name}_choice": FACET for name in ("structure", "group", "year")},
            "date": {"type": "date", "format": "strict_date"},
            "popularity": {"type": "integer"},
            "locks": {"type": "keyword"},
            "lockset": {"type": "keyword"},
            "file_format": {"type": "keyword"},
            "file_size": {"type": "long"},
            "url": {"type": "keyword", "index": False},
            "digest": {"type": "keyword", "index": False},
            "suggest": {
                "type": "completion",
                "analyzer": "trame_folded",
                "contexts": [{"name": "lockset", "type": "category"}],
            },
        }
    },
}


@pytest.mark.django_db
def test_the_index_body_with_the_editors_synonyms():
    SynonymGroup.objects.create(expressions="CEJ\nContrat d'Engagement Jeune")
    SynonymGroup.objects.create(expressions="PRF\nProgramme Régional de Formation\n")
    groups = [group.expression_list for group in SynonymGroup.objects.order_by("pk")]
    assert build_index("trame-1", synonym_lines(groups)).to_dict() == EXPECTED_INDEX


def test_without_synonyms_the_search_analyzer_has_no_synonym_filter():
    analysis = build_index("trame-1", []).to_dict()["settings"]["analysis"]
    assert analysis["analyzer"]["trame_french_search"]["filter"] == [
        "trame_elision",
        "lowercase",
        "asciifolding",
        "trame_light_french",
    ]
    assert "trame_synonyms" not in analysis["filter"]


def test_synonym_lines_cannot_smuggle_solr_syntax():
    lines = synonym_lines([["A, B", "C => D"], ["seul"], ["ML", "Mission Locale"]])
    assert lines == ["A  B, C   D", "ML, Mission Locale"]


def entry(**overrides):
    values = {
        "key": "page:12",
        "kind": Choice("resource", "Ressource"),
        "title": "Guide de l'insertion professionnelle",
        "url": "/ressources/guide/",
        "body": "Accompagner les jeunes.",
        "document_text": "Texte du PDF.",
        "date": datetime.date(2024, 5, 2),
        "thematics": (Choice("emploi", "Emploi"), Choice("mobilite", "Mobilité")),
        "resource_type": Choice("guide", "Guide"),
        "structure": Choice("4", "Mission Locale de Besançon"),
        "group": None,
        "locks": ("p8", "c3", "p8"),
        "popularity": 17,
        "file_format": "PDF",
        "file_size": 1024,
        "autocomplete": ("Besançon",),
    }
    return IndexEntry(**{**values, **overrides})


def test_an_entry_becomes_a_document_with_its_key_as_id():
    document = entry_document(entry()).to_dict(include_meta=True)
    assert document["_id"] == "page:12"
    assert document["_source"] == {
        "key": "page:12",
        "title": "Guide de l'insertion professionnelle",
        "body": "Accompagner les jeunes.",
        "document_text": "Texte du PDF.",
        "date": "2024-05-02",
        "popularity": 17,
        "locks": ["c3", "p8"],
        "lockset": "c3,p8",
        "file_format": "PDF",
        "file_size": 1024,
        "url": "/ressources/guide/",
        "digest": entry_digest(entry()),
        "suggest": {
            "input": [
                "Guide de l'insertion professionnelle",
                "insertion professionnelle",
                "professionnelle",
                "Besançon",
            ],
            "weight": 17,
            "contexts": {"lockset": ["c3,p8"]},
        },
        "kind": ["resource"],
        "kind_choice": ["resource|Ressource"],
        "thematic": ["emploi", "mobilite"],
        "thematic_choice": ["emploi|Emploi", "mobilite|Mobilité"],
        "resource_type": ["guide"],
        "resource_type_choice": ["guide|Guide"],
        "structure": ["4"],
        "structure_choice": ["4|Mission Locale de Besançon"],
        "year": ["2024"],
        "year_choice": ["2024|2024"],
    }


def test_an_unrestricted_undated_entry_is_in_the_public_lock_set():
    source = entry_document(entry(locks=(), date=None)).to_dict()
    assert source["lockset"] == "_"
    assert source["suggest"]["contexts"] == {"lockset": ["_"]}
    assert "date" not in source and "year" not in source


def test_completion_inputs_are_capped():
    title = " ".join(f"mot{i}" for i in range(20))
    assert len(completion_inputs(entry(title=title, autocomplete=()))) == 8


def test_an_entry_without_title_is_not_suggested():
    assert "suggest" not in entry_document(entry(title=" ", autocomplete=())).to_dict()
