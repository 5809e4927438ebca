"""The shared behaviour and permission suite against a live Elasticsearch cluster.

Runs when ELASTICSEARCH_URL is set (e.g. `ELASTICSEARCH_URL=http://127.0.0.1:9200 pytest
tests/search/test_elasticsearch_live.py`), on indexes behind an alias of its own that are
deleted afterwards; skipped otherwise.
"""

import os
import uuid

import pytest

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if not ELASTICSEARCH_URL:
    pytest.skip(
        "ELASTICSEARCH_URL n'est pas défini : pas de grappe Elasticsearch à interroger, la "
        "suite de comportement partagée n'est pas rejouée sur le moteur Elasticsearch "
        "(ELASTICSEARCH_URL is not set: no live cluster to run the shared behaviour suite on)",
        allow_module_level=True,
    )

from django.test import override_settings  # noqa: E402

from elasticsearch import Elasticsearch  # noqa: E402

from search.engines.base import Engine  # noqa: E402
from search.engines.elasticsearch import ElasticsearchEngine  # noqa: E402
from tests.search.behaviour import EngineBehaviour  # noqa: E402

ALIAS = f"trame-test-{uuid.uuid4().hex[:8]}"


class NoFallback(Engine):
    """A cluster error must fail the test, not be hidden by the database engine."""

    name = "none"

    def search(self, request, user):
        raise AssertionError("Elasticsearch failed: see the 'search' log")

    def autocomplete(self, prefix, user, limit=8):
        raise AssertionError("Elasticsearch failed: see the 'search' log")


class LiveElasticsearchEngine(ElasticsearchEngine):
    """Writes are made visible at once (a cluster refreshes about every second)."""

    def index(self, entries):
        super().index(entries)
        self.client.indices.refresh(index=self.alias)

    def delete(self, keys):
        super().delete(keys)
        self.client.indices.refresh(index=self.alias)


@pytest.fixture(scope="module", autouse=True)
def test_alias():
    """Writes made by signals while the corpus is built go to the test alias too."""
    with override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL, ELASTICSEARCH_INDEX=ALIAS):
        yield ALIAS
    client = Elasticsearch(ELASTICSEARCH_URL)
    # Deleting by wildcard is refused by default (action.destructive_requires_name).
    names = list(client.indices.get(index=f"{ALIAS}-*", allow_no_indices=True).body)
    if names:
        client.indices.delete(index=",".join(names))


class TestElasticsearchEngine(EngineBehaviour):
    @pytest.fixture
    def engine(self, test_alias):
        return LiveElasticsearchEngine(ELASTICSEARCH_URL, fallback=NoFallback(), alias=test_alias)

    def test_engine_is_elasticsearch(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "formation")
        assert (results.engine, results.degraded) == ("elasticsearch", False)

    def test_the_alias_points_to_one_new_index_after_a_rebuild(self, engine, corpus):
        indexes = engine.indices.current()
        assert len(indexes) == 1
        assert indexes[0].startswith(f"{engine.alias}-")
