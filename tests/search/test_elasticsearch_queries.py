"""The bodies the Elasticsearch engine sends, compared with what Elasticsearch must receive."""

import pytest

from groups.services import membership_add
from search.engines.base import SearchRequest
from search.engines.es.queries import autocomplete_body, openable, search_body
from search.query import SynonymTable, parse
from search.visibility import closed_locks
from tests.factories import (
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

# Full boost for a month, half of it after a year.
RECENCY = {"origin": "now", "scale": "365d", "offset": "30d", "decay": 0.5}
FIELDS = ["title^4", "title.folded^4", "body^2", "document_text"]
FACET_NAMES = ["kind", "thematic", "resource_type", "structure", "group", "year"]


def body(text="", closed=frozenset(), synonyms=None, **request):
    search, _page, _size = search_body(SearchRequest(parse(text, synonyms), **request), closed)
    return search.to_dict()


def word(text):
    return {"multi_match": {"query": text, "fields": FIELDS, "operator": "and"}}


def phrase(text):
    return {"multi_match": {"query": text, "fields": FIELDS, "type": "phrase"}}


def inner_query(full_body):
    return full_body["query"]["function_score"]["query"]


def unfiltered_aggs():
    return {
        name: {
            "filter": {"match_all": {}},
            "aggs": {"values": {"terms": {"field": f"{name}_choice", "size": 50}}},
        }
        for name in FACET_NAMES
    }


def test_a_single_word_builds_the_whole_body():
    assert body("Formations") == {
        "query": {
            "function_score": {
                "query": {"bool": {"must": [word("formations")]}},
                "functions": [
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
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        },
        "aggs": unfiltered_aggs(),
        "track_total_hits": True,
        "from": 0,
        "size": 10,
        "_source": {"excludes": ["document_text", "spelling", "suggest"]},
        "highlight": {
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {"fragment_size": 180, "number_of_fragments": 1},
                "document_text": {"fragment_size": 180, "number_of_fragments": 1},
            },
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
        },
        "suggest": {
            "spelling": {
                "text": "formations",
                "phrase": {
                    "field": "spelling",
                    "size": 1,
                    "direct_generator": [{"field": "spelling", "suggest_mode": "always"}],
                    "collate": {
                        "query": {
                            "source": {
                                "bool": {
                                    "must": [
                                        {
                                            "match": {
                                                "spelling": {
                                                    "query": "{{suggestion}}",
                                                    "operator": "and",
                                                }
                                            }
                                        }
                                    ]
                                }
                            }
                        },
                        "prune": False,
                    },
                },
            }
        },
    }


def test_each_word_is_required_and_elided_articles_are_dropped():
    assert inner_query(body("l'insertion des jeunes")) == {
        "bool": {"must": [word("insertion"), word("jeunes")]}
    }


def test_a_quoted_phrase_is_a_phrase_query_over_the_same_fields():
    assert inner_query(body('"contrat d\'engagement jeune" accompagnement')) == {
        "bool": {"must": [phrase("contrat engagement jeune"), word("accompagnement")]}
    }


def test_synonyms_are_alternatives_of_one_requirement():
    synonyms = SynonymTable([["CEJ", "Contrat d'Engagement Jeune"]])
    assert inner_query(body("CEJ mobilité", synonyms=synonyms)) == {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [word("cej"), phrase("contrat engagement jeune")],
                        "minimum_should_match": 1,
                    }
                },
                word("mobilite"),
            ]
        }
    }


def test_excluded_words_and_phrases_must_not_match():
    assert inner_query(body('mobilité -permis -"auto école"')) == {
        "bool": {
            "must": [word("mobilite")],
            "must_not": [word("permis"), phrase("auto ecole")],
        }
    }


def test_operators_never_reach_elasticsearch():
    query = inner_query(body('emploi OR "*" NEAR: \\ titre:secret'))
    assert query == {
        "bool": {"must": [word("emploi"), word("or"), word("near"), word("titre"), word("secret")]}
    }


def test_facet_selections_filter_hits_after_aggregation_and_other_facets_only():
    full = body("guide", filters={"thematic": ("mobilite", "emploi"), "year": ("2024",)})
    assert full["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"thematic": ["emploi", "mobilite"]}},
                {"terms": {"year": ["2024"]}},
            ]
        }
    }
    aggs = full["aggs"]
    # A facet counts its own values under the other facets' selections only.
    assert aggs["thematic"]["filter"] == {"terms": {"year": ["2024"]}}
    assert aggs["year"]["filter"] == {"terms": {"thematic": ["emploi", "mobilite"]}}
    assert aggs["kind"]["filter"] == {
        "bool": {
            "filter": [
                {"terms": {"thematic": ["emploi", "mobilite"]}},
                {"terms": {"year": ["2024"]}},
            ]
        }
    }
    # The query itself (and so the permission filter and the totals) is unchanged.
    assert inner_query(full) == {"bool": {"must": [word("guide")]}}


def test_unknown_facets_and_empty_values_are_ignored():
    full = body("guide", filters={"secret": ("x",), "kind": ("",)})
    assert "post_filter" not in full
    assert full["aggs"] == unfiltered_aggs()


@pytest.fixture
def private_group(home_page):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    return WorkingGroupPageFactory(parent=index, title="Référents Justice", visibility="members")


@pytest.mark.django_db
def test_a_non_member_cannot_match_the_private_groups_entries(private_group):
    outsider = ProfileFactory(user=UserFactory(username="exterieur")).user
    page_lock = f"p{private_group.get_view_restrictions().get().pk}"
    collection_lock = f"c{private_group.collection.view_restrictions.get().pk}"
    closed = closed_locks(outsider)
    assert closed == {page_lock, collection_lock}

    full = body("justice", closed=closed)
    permission = {"bool": {"must_not": [{"terms": {"locks": sorted(closed)}}]}}
    assert inner_query(full) == {"bool": {"must": [word("justice")], "filter": [permission]}}
    # Spelling corrections are checked against visible entries only.
    collate = full["suggest"]["spelling"]["phrase"]["collate"]["query"]["source"]
    assert collate["bool"]["filter"] == [permission]


@pytest.mark.django_db
def test_a_member_matches_them(private_group):
    member = ProfileFactory(user=UserFactory(username="membre")).user
    membership_add(group=private_group, user=member)
    assert closed_locks(member) == frozenset()

    full = body("justice", closed=closed_locks(member))
    assert inner_query(full) == {"bool": {"must": [word("justice")]}}


def test_sort_by_date_puts_undated_entries_last():
    assert body("guide", sort="date")["sort"] == [
        {"date": {"order": "desc", "missing": "_last"}},
        "_score",
    ]
    assert "sort" not in body("guide", sort="relevance")


def test_page_three_starts_after_two_pages():
    full = body("guide", page=3, per_page=10)
    assert (full["from"], full["size"]) == (20, 10)


def test_the_result_window_caps_from_plus_size():
    search, page, per_page = search_body(SearchRequest(parse("guide"), page=334, per_page=30), ())
    assert (page, per_page) == (334, 30)
    assert (search.to_dict()["from"], search.to_dict()["size"]) == (9990, 10)


def test_a_page_beyond_the_window_asks_for_counts_only():
    search, page, _per_page = search_body(SearchRequest(parse("guide"), page=5000), ())
    assert page == 5000
    assert (search.to_dict()["from"], search.to_dict()["size"]) == (0, 0)
    assert "aggs" in search.to_dict()


def test_a_page_below_one_is_the_first():
    search, page, _per_page = search_body(SearchRequest(parse("guide"), page=-3), ())
    assert (page, search.to_dict()["from"]) == (1, 0)


def test_autocomplete_asks_for_the_lock_sets_the_user_may_open():
    locksets = ["_", "p3", "c1,p3", "p4"]
    allowed = openable(locksets, closed_locks=frozenset({"p4"}))
    assert allowed == ["_", "p3", "c1,p3"]
    assert autocomplete_body("équi", allowed, 8).to_dict() == {
        "_source": ["title", "url", "kind_choice"],
        "suggest": {
            "autocomplete": {
                "prefix": "équi",
                "completion": {
                    "field": "suggest",
                    "size": 8,
                    "contexts": {"lockset": ["_", "c1,p3", "p3"]},
                },
            }
        },
    }


def test_autocomplete_always_names_a_context():
    # Without contexts a completion query would search them all, private ones included.
    contexts = autocomplete_body("gu", [], 5).to_dict()["suggest"]["autocomplete"]
    assert contexts["completion"]["contexts"] == {"lockset": ["_"]}
