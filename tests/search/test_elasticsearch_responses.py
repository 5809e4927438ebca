"""Realistic Elasticsearch 8/9 responses, as the cluster sends them, read into results."""

import datetime

from search.engines.base import Choice, FacetCount, Suggestion
from search.engines.es.responses import locksets, search_results, suggestions

SEARCH_RESPONSE = {
    "took": 12,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "max_score": 7.3812,
        "hits": [
            {
                "_index": "trame-20261122004512123456",
                "_id": "page:41",
                "_score": 7.3812,
                "_source": {
                    "key": "page:41",
                    "title": "Guide <CEJ> & mobilité",
                    "body": "Les étapes du contrat d'engagement jeune pour les conseillers.",
                    "date": "2025-03-14",
                    "popularity": 38,
                    "locks": [],
                    "lockset": "_",
                    "file_format": "",
                    "url": "/ressources/guide-cej/",
                    "kind": ["resource"],
                    "kind_choice": ["resource|Ressource"],
                    "thematic": ["emploi", "mobilite"],
                    "thematic_choice": ["emploi|Emploi", "mobilite|Mobilité"],
                    "resource_type": ["guide"],
                    "resource_type_choice": ["guide|Guide pratique"],
                    "structure": ["12"],
                    "structure_choice": ["12|Mission Locale de Dijon"],
                    "group": [],
                    "group_choice": [],
                    "year": ["2025"],
                    "year_choice": ["2025|2025"],
                },
                "highlight": {
                    "title": ["Guide &lt;<mark>CEJ</mark>&gt; &amp; mobilité"],
                    "body": [
                        "Les étapes du <mark>contrat</mark> d&#x27;<mark>engagement</mark> "
                        "<mark>jeune</mark> pour les conseillers."
                    ],
                },
            },
            {
                "_index": "trame-20261122004512123456",
                "_id": "document:7",
                "_score": 3.1,
                "_source": {
                    "key": "document:7",
                    "title": "Compte rendu <b>du</b> comité",
                    "body": "  Réunion   du comité de pilotage\n du CEJ. " + "x" * 400,
                    "date": "2024-11-02",
                    "popularity": 0,
                    "locks": ["c3"],
                    "lockset": "c3",
                    "file_format": "PDF",
                    "file_size": 482133,
                    "url": "/documents/7/compte-rendu.pdf",
                    "kind": ["document"],
                    "kind_choice": ["document|Document"],
                    "thematic": [],
                    "thematic_choice": [],
                    "group": ["55"],
                    "group_choice": ["55|Référents | Justice"],
                    "year": ["2024"],
                    "year_choice": ["2024|2024"],
                },
                "highlight": {
                    "document_text": ["… le <mark>CEJ</mark> a réuni 40 jeunes &lt;script&gt; …"]
                },
            },
        ],
    },
    "aggregations": {
        "kind": {
            "doc_count": 2,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "document|Document", "doc_count": 1},
                    {"key": "resource|Ressource", "doc_count": 1},
                ],
            },
        },
        "thematic": {
            "doc_count": 5,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "emploi|Emploi", "doc_count": 4},
                    {"key": "mobilite|Mobilité", "doc_count": 1},
                ],
            },
        },
        "resource_type": {"doc_count": 2, "values": {"buckets": []}},
        "structure": {
            "doc_count": 2,
            "values": {"buckets": [{"key": "12|Mission Locale de Dijon", "doc_count": 1}]},
        },
        "group": {
            "doc_count": 2,
            "values": {"buckets": [{"key": "55|Référents | Justice", "doc_count": 1}]},
        },
        "year": {
            "doc_count": 2,
            "values": {
                "buckets": [
                    {"key": "2024|2024", "doc_count": 1},
                    {"key": "2025|2025", "doc_count": 1},
                ]
            },
        },
    },
    "suggest": {
        "spelling": [
            {
                "text": "contrat engagment",
                "offset": 0,
                "length": 17,
                "options": [{"text": "contrat engagement", "score": 0.0123, "collate_match": True}],
            }
        ]
    },
}


def parse(response=SEARCH_RESPONSE, selected=None, asked="contrat engagment"):
    if selected is None:
        selected = {"thematic": ["mobilite"]}
    return search_results(response, 2, 10, selected, asked)


def test_hits_keep_their_highlights_escaped_by_elasticsearch():
    first = parse().hits[0]
    assert first.key == "page:41"
    assert first.title == "Guide &lt;<mark>CEJ</mark>&gt; &amp; mobilité"
    assert first.snippet.startswith("Les étapes du <mark>contrat</mark> d&#x27;<mark>engage")
    assert first.url == "/ressources/guide-cej/"
    assert first.kind == Choice("resource", "Ressource")
    assert first.date == datetime.date(2025, 3, 14)
    assert first.thematics == (Choice("emploi", "Emploi"), Choice("mobilite", "Mobilité"))
    assert first.resource_type == Choice("guide", "Guide pratique")
    assert first.structure == Choice("12", "Mission Locale de Dijon")
    assert first.group is None
    assert (first.file_format, first.file_size) == ("", None)


def test_a_snippet_from_the_document_text_and_a_title_without_highlight_is_escaped():
    second = parse().hits[1]
    assert second.title == "Compte rendu &lt;b&gt;du&lt;/b&gt; comité"
    assert second.snippet == "… le <mark>CEJ</mark> a réuni 40 jeunes &lt;script&gt; …"
    assert second.group == Choice("55", "Référents | Justice")  # a label may hold "|"
    assert (second.file_format, second.file_size) == ("PDF", 482133)


def test_without_any_highlight_the_snippet_is_the_start_of_the_body_escaped():
    raw = SEARCH_RESPONSE["hits"]["hits"][1]
    response = {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [{**raw}]}}
    response["hits"]["hits"][0]["highlight"] = {}
    response["hits"]["hits"][0]["_source"] = {**raw["_source"], "body": "Accès <réservé> " * 30}
    snippet = parse(response).hits[0].snippet
    assert snippet.startswith("Accès &lt;réservé&gt; Accès")
    assert snippet.endswith("…")
    assert len(snippet) < 260


def test_totals_pages_and_engine():
    results = parse()
    assert (results.total, results.page, results.per_page) == (2, 2, 10)
    assert results.engine == "elasticsearch"
    assert results.degraded is False


def test_facets_carry_labels_counts_and_the_selected_flag():
    facets = parse().facets
    assert facets["thematic"] == [
        FacetCount("emploi", "Emploi", 4, selected=False),
        FacetCount("mobilite", "Mobilité", 1, selected=True),
    ]
    assert facets["kind"] == [
        FacetCount("document", "Document", 1),
        FacetCount("resource", "Ressource", 1),
    ]
    assert facets["resource_type"] == []
    assert facets["structure"] == [FacetCount("12", "Mission Locale de Dijon", 1)]


def test_a_selected_value_without_matches_stays_listed_to_be_unselected():
    facets = parse(selected={"resource_type": ["fiche"], "thematic": ["emploi"]}).facets
    assert facets["resource_type"] == [FacetCount("fiche", "fiche", 0, selected=True)]
    assert [c.value for c in facets["thematic"] if c.selected] == ["emploi"]
    assert facets["year"] == [FacetCount("2024", "2024", 1), FacetCount("2025", "2025", 1)]


def test_the_spelling_suggestion_is_offered_unless_it_is_what_was_asked():
    assert parse().suggestion == "contrat engagement"
    assert parse(asked="contrat engagement").suggestion == ""
    unmatched = {**SEARCH_RESPONSE, "suggest": {"spelling": [{"text": "x", "options": []}]}}
    assert parse(unmatched).suggestion == ""


def test_an_empty_result():
    response = {
        "took": 1,
        "timed_out": False,
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            name: {"doc_count": 0, "values": {"buckets": []}}
            for name in ("kind", "thematic", "resource_type", "structure", "group", "year")
        },
    }
    results = parse(response, selected={})
    assert (results.hits, results.total, results.suggestion) == ([], 0, "")
    assert all(counts == [] for counts in results.facets.values())
    assert results.num_pages == 1


AUTOCOMPLETE_RESPONSE = {
    "took": 2,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
    "suggest": {
        "autocomplete": [
            {
                "text": "equi",
                "offset": 0,
                "length": 4,
                "options": [
                    {
                        "text": "équipe mobile",
                        "_index": "trame-20261122004512123456",
                        "_id": "page:9",
                        "_score": 12.0,
                        "_source": {
                            "title": "L'équipe mobile",
                            "url": "/equipe-mobile/",
                            "kind_choice": ["news|Actualité"],
                        },
                        "contexts": {"lockset": ["_"]},
                    },
                    {
                        "text": "Équipement numérique",
                        "_index": "trame-20261122004512123456",
                        "_id": "person:3",
                        "_score": 1.0,
                        "_source": {
                            "title": "Nadia Benali",
                            "url": "/annuaire/personnes/3/",
                            "kind_choice": ["person|Personne"],
                        },
                        "contexts": {"lockset": ["_"]},
                    },
                ],
            }
        ]
    },
}


def test_autocomplete_options_become_suggestions_with_the_entry_title():
    assert suggestions(AUTOCOMPLETE_RESPONSE) == [
        Suggestion("L'équipe mobile", "/equipe-mobile/", Choice("news", "Actualité")),
        Suggestion("Nadia Benali", "/annuaire/personnes/3/", Choice("person", "Personne")),
    ]


def test_the_lock_sets_aggregation():
    response = {
        "hits": {"total": {"value": 1200, "relation": "eq"}, "hits": []},
        "aggregations": {
            "locksets": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "_", "doc_count": 1100}, {"key": "c3,p8", "doc_count": 100}],
            }
        },
    }
    assert locksets(response) == ["_", "c3,p8"]
