from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.models import synonym_table
from search.query import parse
from tests.search.behaviour import EngineBehaviour


class TestDatabaseEngine(EngineBehaviour):
    @pytest.fixture
    def engine(self):
        return DatabaseEngine()

    def test_engine_is_named_after_the_database(self, engine):
        assert engine.name == connection.vendor

    @pytest.mark.parametrize("text", ["atelier", "thématique", "réseau", "jeune -contrat"])
    def test_constant_number_of_queries(self, engine, corpus, outsider, text):
        request = SearchRequest(query=parse(text, synonym_table()), per_page=50)
        engine.search(request, outsider)  # restrictions and memberships cached, as usual
        with CaptureQueriesContext(connection) as few:
            engine.search(SearchRequest(query=request.query, per_page=1), outsider)
        with CaptureQueriesContext(connection) as many:
            results = engine.search(request, outsider)
        assert len(results.hits) > 1
        assert len(many) == len(few) <= 6
