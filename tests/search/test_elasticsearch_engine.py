"""The engine end to end against a scripted cluster: what it asks for a user, what it shows."""

import json
import re

import pytest

from groups.services import membership_add
from search.engines import get_engine
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.query import parse
from tests.factories import (
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.behaviour import ODD_INPUTS
from tests.search.es_transport import Cluster
from tests.search.test_elasticsearch_responses import AUTOCOMPLETE_RESPONSE, SEARCH_RESPONSE

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_group(home_page):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    return WorkingGroupPageFactory(parent=index, title="Référents Justice", visibility="members")


@pytest.fixture
def people(private_group):
    outsider = ProfileFactory(user=UserFactory(username="exterieur")).user
    member = ProfileFactory(user=UserFactory(username="membre")).user
    membership_add(group=private_group, user=member)
    page_lock = f"p{private_group.get_view_restrictions().get().pk}"
    collection_lock = f"c{private_group.collection.view_restrictions.get().pk}"
    return outsider, member, f"{collection_lock},{page_lock}"


def engine(recorder):
    return ElasticsearchEngine("http://es.test", fallback=None, client=recorder.client())


def locks_filter(body):
    return body["query"]["function_score"]["query"]["bool"].get("filter")


def test_the_search_carries_the_users_closed_locks_and_reads_the_answer(people):
    outsider, member, private_lockset = people
    recorder = Cluster(lambda method, path, body: (200, SEARCH_RESPONSE))
    results = engine(recorder).search(SearchRequest(parse("contrat engagment")), outsider)

    method, path, body = recorder.requests[0]
    assert (method, path) == ("POST", "/trame/_search")
    assert locks_filter(body) == [
        {"bool": {"must_not": [{"terms": {"locks": private_lockset.split(",")}}]}}
    ]
    assert results.total == 2
    assert results.hits[0].title == "Guide &lt;<mark>CEJ</mark>&gt; &amp; mobilité"
    assert results.suggestion == "contrat engagement"

    engine(recorder).search(SearchRequest(parse("contrat")), member)
    assert locks_filter(recorder.requests[1][2]) is None


def test_a_page_beyond_the_last_is_empty_with_the_total(people):
    outsider, _member, _lockset = people
    empty = {"hits": {"total": {"value": 12, "relation": "eq"}, "hits": []}}
    recorder = Cluster(lambda method, path, body: (200, empty))
    results = engine(recorder).search(SearchRequest(parse("guide"), page=9), outsider)
    assert recorder.requests[0][2]["from"] == 80
    assert (results.hits, results.total, results.page, results.num_pages) == ([], 12, 9, 2)


def test_autocomplete_asks_only_for_lock_sets_the_user_may_open(people):
    outsider, member, private_lockset = people

    def respond(method, path, body):
        if "aggs" in body:
            buckets = [{"key": "_", "doc_count": 9}, {"key": private_lockset, "doc_count": 2}]
            return 200, {
                "hits": {"total": {"value": 11, "relation": "eq"}, "hits": []},
                "aggregations": {"locksets": {"buckets": buckets}},
            }
        return 200, AUTOCOMPLETE_RESPONSE

    recorder = Cluster(respond)
    suggestions = engine(recorder).autocomplete("équi", outsider)
    assert [s.label for s in suggestions] == ["L'équipe mobile", "Nadia Benali"]
    asked = recorder.requests[1][2]["suggest"]["autocomplete"]
    assert asked["completion"]["contexts"] == {"lockset": ["_"]}
    assert asked["prefix"] == "équi"

    engine(recorder).autocomplete("équi", member)
    # The lock-sets were learnt once (cached); the member may open the private one.
    assert len(recorder.requests) == 3
    asked = recorder.requests[2][2]["suggest"]["autocomplete"]
    assert asked["completion"]["contexts"] == {"lockset": sorted(["_", private_lockset])}


def test_autocomplete_respects_the_limit(people):
    outsider, _member, _lockset = people

    def respond(method, path, body):
        if "aggs" in body:
            return 200, {"aggregations": {"locksets": {"buckets": [{"key": "_", "doc_count": 1}]}}}
        return 200, AUTOCOMPLETE_RESPONSE

    suggestions = engine(Cluster(respond)).autocomplete("équi", outsider, limit=1)
    assert [s.label for s in suggestions] == ["L'équipe mobile"]


def test_get_engine_chooses_elasticsearch_when_configured(settings):
    settings.ELASTICSEARCH_URL = "http://es.example:9200"
    settings.ELASTICSEARCH_INDEX = "trame-prod"
    engine = get_engine()
    assert isinstance(engine, ElasticsearchEngine)
    assert isinstance(engine.fallback, DatabaseEngine)
    assert engine.alias == "trame-prod"
    # One client per process, whatever the number of engines made.
    assert get_engine().client is engine.client


EMPTY = {
    "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
    "aggregations": {},
}


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_builds_a_plain_query(people, text):
    outsider, _member, _lockset = people
    recorder = Cluster(lambda method, path, body: (200, EMPTY))
    results = engine(recorder).search(SearchRequest(parse(text)), outsider)
    assert results.degraded is False
    for _method, _path, body in recorder.requests:
        texts = re.findall(r'"query": "([^"]*)"', json.dumps(body, ensure_ascii=False))
        texts = [query for query in texts if query != "{{suggestion}}"]  # the collate template
        assert all(re.fullmatch(r"[\w ]+", query) for query in texts), texts
