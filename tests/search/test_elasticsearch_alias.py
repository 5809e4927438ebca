"""Rebuilds behind the alias and writes through it, as the HTTP requests the cluster gets."""

import datetime
import logging
from io import StringIO

from django.core.management import call_command

import pytest
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch.helpers import BulkIndexError

from search.engines.base import Choice, IndexEntry
from search.engines.elasticsearch import ElasticsearchEngine
from search.models import SynonymGroup
from tests.factories import NewsPageFactory
from tests.search.es_transport import Cluster

pytestmark = pytest.mark.django_db

NEW = "trame-20261122013005000042"
NOW = datetime.datetime(2026, 11, 22, 1, 30, 5, 42, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr("search.engines.es.indices.timezone.now", lambda: NOW)


def entries(count):
    return [
        IndexEntry(
            key=f"page:{n}", kind=Choice("news", "Actualité"), title=f"Actualité {n}", url=f"/{n}/"
        )
        for n in range(count)
    ]


def bulk_ok(body):
    actions = [line for line in body if set(line) & {"index", "delete"}]
    return {
        "took": 3,
        "errors": False,
        "items": [
            {op: {"_index": meta["_index"], "_id": meta["_id"], "status": 201, "result": "created"}}
            for action in actions
            for op, meta in action.items()
        ],
    }


def cluster(aliased=("trame-20250101000000000000",), bulk=bulk_ok):
    def respond(method, path, body):
        if path == "/_alias/trame":
            if not aliased:
                return 404, {"error": "alias [trame] missing", "status": 404}
            return 200, {name: {"aliases": {"trame": {}}} for name in aliased}
        if path.startswith("/_bulk"):
            return 200, bulk(body)
        if path.endswith("/_refresh"):
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return 200, {"acknowledged": True}

    return Cluster(respond)


def engine(recorder):
    return ElasticsearchEngine("http://es.test:9200", fallback=None, client=recorder.client())


def test_a_rebuild_loads_a_new_index_then_swaps_the_alias_and_drops_the_old_one():
    SynonymGroup.objects.create(expressions="FT\nFrance Travail")
    recorder = cluster()
    done = []
    engine(recorder).rebuild(iter(entries(3)), 3, done.append)

    assert recorder.calls == [
        ("PUT", f"/{NEW}"),
        ("PUT", "/_bulk"),
        ("POST", f"/{NEW}/_refresh"),
        ("GET", "/_alias/trame"),
        ("POST", "/_aliases"),
        ("DELETE", "/trame-20250101000000000000"),
    ]
    created = recorder.requests[0][2]
    assert set(created) == {"settings", "mappings"}
    assert created["settings"]["analysis"]["filter"]["trame_synonyms"]["synonyms"] == [
        "FT, France Travail"
    ]
    assert created["mappings"]["properties"]["suggest"]["type"] == "completion"
    bulk = recorder.requests[1][2]
    assert bulk[0] == {"index": {"_index": NEW, "_id": "page:0"}}
    assert bulk[1]["title"] == "Actualité 0"
    assert [line["index"]["_id"] for line in bulk[::2]] == ["page:0", "page:1", "page:2"]
    assert recorder.requests[4][2] == {
        "actions": [
            {"remove": {"index": "trame-20250101000000000000", "alias": "trame"}},
            {"add": {"index": NEW, "alias": "trame"}},
        ]
    }
    assert done == [3]


def test_the_first_rebuild_only_adds_the_alias():
    recorder = cluster(aliased=())
    engine(recorder).rebuild(iter(entries(1)), 1, lambda done: None)
    assert recorder.calls[-2:] == [("GET", "/_alias/trame"), ("POST", "/_aliases")]
    assert recorder.requests[-1][2] == {"actions": [{"add": {"index": NEW, "alias": "trame"}}]}


def test_progress_is_reported_every_chunk():
    recorder = cluster()
    done = []
    engine(recorder).rebuild(iter(entries(1201)), 1201, done.append)
    assert done == [500, 1000, 1201]
    assert recorder.calls.count(("PUT", "/_bulk")) == 3


def test_a_failed_load_leaves_the_live_index_alone_and_drops_the_new_one():
    def refuse(body):
        return {
            "took": 1,
            "errors": True,
            "items": [
                {
                    "index": {
                        "_index": NEW,
                        "_id": "page:0",
                        "status": 400,
                        "error": {"type": "document_parsing_exception", "reason": "bad date"},
                    }
                }
            ],
        }

    recorder = cluster(bulk=refuse)
    with pytest.raises(BulkIndexError):
        engine(recorder).rebuild(iter(entries(1)), 1, lambda done: None)
    assert recorder.calls == [
        ("PUT", f"/{NEW}"),
        ("PUT", "/_bulk"),
        ("DELETE", f"/{NEW}?ignore_unavailable=true"),
    ]


def test_index_and_delete_write_through_the_alias():
    recorder = cluster()
    search_engine = engine(recorder)
    search_engine.index(entries(1))
    search_engine.delete(["page:0", "document:4"])
    assert recorder.calls == [("PUT", "/_bulk?require_alias=true")] * 2
    assert recorder.requests[0][2][0] == {"index": {"_index": "trame", "_id": "page:0"}}
    assert recorder.requests[1][2] == [
        {"delete": {"_index": "trame", "_id": "page:0"}},
        {"delete": {"_index": "trame", "_id": "document:4"}},
    ]


def test_deleting_an_entry_the_index_never_had_is_not_an_error(caplog):
    def not_found(body):
        return {
            "took": 1,
            "errors": False,
            "items": [
                {"delete": {"_index": NEW, "_id": "page:9", "status": 404, "result": "not_found"}}
            ],
        }

    engine(cluster(bulk=not_found)).delete(["page:9"])
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_write_before_any_rebuild_creates_the_first_index_behind_the_alias():
    calls = {"bulk": 0}

    def missing_alias_once(body):
        calls["bulk"] += 1
        if calls["bulk"] > 1:
            return bulk_ok(body)
        return {
            "took": 1,
            "errors": True,
            "items": [
                {
                    "index": {
                        "_index": "trame",
                        "_id": "page:0",
                        "status": 404,
                        "error": {
                            "type": "index_not_found_exception",
                            "reason": "no such index [trame] and [require_alias] request flag "
                            "is [true] and [trame] is not an alias",
                            "index": "trame",
                        },
                    }
                }
            ],
        }

    recorder = cluster(aliased=(), bulk=missing_alias_once)
    engine(recorder).index(entries(1))
    assert recorder.calls == [
        ("PUT", "/_bulk?require_alias=true"),
        ("PUT", f"/{NEW}"),
        ("POST", "/_aliases"),
        ("PUT", "/_bulk?require_alias=true"),
    ]
    assert recorder.requests[2][2] == {"actions": [{"add": {"index": NEW, "alias": "trame"}}]}


def test_a_refused_document_is_logged_not_raised(caplog):
    def refuse(body):
        return {
            "took": 1,
            "errors": True,
            "items": [
                {
                    "index": {
                        "_index": NEW,
                        "_id": "page:0",
                        "status": 400,
                        "error": {"type": "document_parsing_exception", "reason": "bad"},
                    }
                }
            ],
        }

    engine(cluster(bulk=refuse)).index(entries(1))
    assert "refused an index update" in caplog.text
    assert "page:0" in caplog.text


def test_an_unreachable_cluster_fails_the_write_so_the_task_is_marked_failed(caplog):
    def unreachable(method, path, body):
        raise ESConnectionError("Connection refused")

    with pytest.raises(ESConnectionError):
        engine(Cluster(unreachable)).index(entries(1))
    assert "Elasticsearch index update failed" in caplog.text


def test_the_alias_name_comes_from_the_settings(settings):
    settings.ELASTICSEARCH_INDEX = "trame-recette"
    recorder = cluster()
    engine(recorder).delete(["page:1"])
    assert recorder.requests[0][2] == [{"delete": {"_index": "trame-recette", "_id": "page:1"}}]


def test_search_rebuild_builds_the_database_and_the_elasticsearch_indexes(
    settings, monkeypatch, news_index
):
    NewsPageFactory(parent=news_index, title="Ouverture de l'intranet")
    recorder = cluster()
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    monkeypatch.setattr(
        "search.engines.elasticsearch.cluster_client", lambda url: recorder.client()
    )
    out = StringIO()
    call_command("search_rebuild", stdout=out)

    assert "Index elasticsearch" in out.getvalue()
    assert recorder.calls[0] == ("PUT", f"/{NEW}")
    assert recorder.calls[-2:] == [("POST", "/_aliases"), ("DELETE", "/trame-20250101000000000000")]
    sources = [line for line in recorder.requests[1][2] if "title" in line]
    news = next(source for source in sources if source["title"] == "Ouverture de l'intranet")
    assert news["kind_choice"] == ["news|Actualité"]
    assert news["suggest"]["contexts"] == {"lockset": ["_"]}
