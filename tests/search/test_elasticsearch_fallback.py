"""When the cluster fails, the database engine answers (degraded) and the error is logged."""

import logging
import socket

from django.contrib.auth.models import AnonymousUser

import pytest
from elasticsearch import ConnectionTimeout

from search.engines.base import (
    Choice,
    Engine,
    Hit,
    SearchRequest,
    SearchResults,
    Suggestion,
)
from search.engines.elasticsearch import ElasticsearchEngine
from search.query import parse
from tests.search.es_transport import Cluster

pytestmark = pytest.mark.django_db

REQUEST = SearchRequest(parse("insertion"), page=2)


class DatabaseStandIn(Engine):
    name = "sqlite"

    def __init__(self):
        self.asked = []

    def search(self, request, user):
        self.asked.append(("search", request))
        hit = Hit("page:1", Choice("news", "Actualité"), "L'insertion", "/i/", "…")
        return SearchResults([hit], 1, {}, request.page, request.per_page, engine=self.name)

    def autocomplete(self, prefix, user, limit=8):
        self.asked.append(("autocomplete", prefix))
        return [Suggestion("L'insertion", "/i/", Choice("news", "Actualité"))]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def errors(caplog):
    return [r for r in caplog.records if r.name == "search" and r.levelno == logging.ERROR]


def assert_degraded(results, fallback):
    assert results.degraded is True
    assert results.engine == "sqlite"
    assert [hit.title for hit in results.hits] == ["L'insertion"]
    assert fallback.asked == [("search", REQUEST)]


def test_connection_refused(caplog):
    fallback = DatabaseStandIn()
    engine = ElasticsearchEngine(f"http://127.0.0.1:{closed_port()}", fallback=fallback)
    assert_degraded(engine.search(REQUEST, AnonymousUser()), fallback)
    assert "Elasticsearch search failed" in errors(caplog)[0].getMessage()


def test_a_server_error(caplog):
    def broken(method, path, body):
        return 500, {
            "error": {
                "root_cause": [{"type": "search_phase_execution_exception", "reason": "boom"}],
                "type": "search_phase_execution_exception",
                "reason": "all shards failed",
            },
            "status": 500,
        }

    fallback = DatabaseStandIn()
    client = Cluster(broken).client()
    engine = ElasticsearchEngine("http://es.test", fallback=fallback, client=client)
    assert_degraded(engine.search(REQUEST, AnonymousUser()), fallback)
    assert "all shards failed" in errors(caplog)[0].getMessage()


def test_a_missing_index(caplog):
    def missing(method, path, body):
        return 404, {"error": {"type": "index_not_found_exception", "reason": "no such index"}}

    fallback = DatabaseStandIn()
    client = Cluster(missing).client()
    engine = ElasticsearchEngine("http://es.test", fallback=fallback, client=client)
    assert_degraded(engine.search(REQUEST, AnonymousUser()), fallback)
    assert len(errors(caplog)) == 1


def timing_out(method, path, body):
    raise ConnectionTimeout("Connection timed out")


def test_a_timeout_then_a_pause_before_trying_again(caplog):
    recorder = Cluster(timing_out)
    fallback = DatabaseStandIn()
    engine = ElasticsearchEngine("http://es.test", fallback=fallback, client=recorder.client())
    assert_degraded(engine.search(REQUEST, AnonymousUser()), fallback)
    assert len(recorder.requests) == 1
    assert "timed out" in errors(caplog)[0].getMessage()

    # The next searches do not wait for the dead cluster again.
    again = engine.search(REQUEST, AnonymousUser())
    assert again.degraded is True
    assert len(recorder.requests) == 1


def test_autocomplete_falls_back_too(caplog):
    fallback = DatabaseStandIn()
    engine = ElasticsearchEngine(
        "http://es.test", fallback=fallback, client=Cluster(timing_out).client()
    )
    suggestions = engine.autocomplete("insert", AnonymousUser())
    assert [s.label for s in suggestions] == ["L'insertion"]
    assert fallback.asked == [("autocomplete", "insert")]
    assert "Elasticsearch autocomplete failed" in errors(caplog)[0].getMessage()


def test_a_malformed_answer_never_raises(caplog):
    fallback = DatabaseStandIn()
    garbage = Cluster(lambda method, path, body: (200, {"hits": {"hits": [{"oops": 1}]}}))
    engine = ElasticsearchEngine("http://es.test", fallback=fallback, client=garbage.client())
    assert_degraded(engine.search(REQUEST, AnonymousUser()), fallback)
    assert errors(caplog)


def test_an_empty_query_or_prefix_asks_nobody():
    recorder = Cluster(timing_out)
    fallback = DatabaseStandIn()
    engine = ElasticsearchEngine("http://es.test", fallback=fallback, client=recorder.client())
    results = engine.search(SearchRequest(parse(' "" - ')), AnonymousUser())
    assert (results.hits, results.total, results.degraded) == ([], 0, False)
    assert engine.autocomplete(" ' ", AnonymousUser()) == []
    assert recorder.requests == [] and fallback.asked == []
