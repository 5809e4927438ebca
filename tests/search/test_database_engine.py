from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.models import synonym_table
from search.query import parse
from tests.search.behaviour import EngineBehaviour


def reading(queries) -> list[str]:
    transaction_statements = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "SET LOCAL")
    return [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(transaction_statements)
    ]


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
        assert len(many) == len(few)
        # PostgreSQL adds its transaction statements (see postgresql.planned_on_the_index).
        assert len(reading(many)) <= 6

    def test_ranking_cap_keeps_totals_exact(self, engine, corpus, outsider, monkeypatch):
        from search.engines.database import vendor_module

        monkeypatch.setattr(vendor_module(), "CANDIDATE_CAP", 2)
        results = self.search(engine, outsider, "atelier numérique", per_page=10)
        assert results.total == 3
        assert self.counts(results, "year") == {"2019": 1, "2022": 1, "2025": 1}
        # Only the two most boosted (the most recent here) are ranked and shown.
        assert {hit.date.year for hit in results.hits} == {2025, 2022}

    def test_spelling_suggestion(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "pasarelle")
        assert (results.total, results.suggestion) == (0, "passerelle")

    def test_no_suggestion_from_private_titles(self, engine, corpus, outsider, member):
        assert self.search(engine, outsider, "budgetaries").suggestion == ""
        assert self.search(engine, member, "budgetaries").suggestion == "budgetaires"
