from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.engines import database
from search.engines.base import Choice, IndexEntry, SearchRequest
from search.engines.database import DatabaseEngine
from search.models import synonym_table
from search.query import parse
from tests.search.behaviour import EngineBehaviour
from tests.search.corpus import PRIVATE_DOCUMENT_TITLE


def person_entry(title: str) -> IndexEntry:
    return IndexEntry(
        key="person:999999", kind=Choice("person", "Personne"), title=title, url="/annuaire/"
    )


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

    def test_results_are_kept_until_the_index_changes(self, engine, corpus, outsider):
        first = self.search(engine, outsider, "atelier numérique")
        with CaptureQueriesContext(connection) as again:
            second = self.search(engine, outsider, "atelier numérique")
        assert [hit.key for hit in second.hits] == [hit.key for hit in first.hits]
        assert (second.total, second.facets) == (first.total, first.facets)
        assert not any("WITH m AS" in sql for sql in reading(again))  # read from the cache
        engine.index([person_entry("Atelier numérique des nouveaux arrivants")])
        assert self.search(engine, outsider, "atelier numérique").total == first.total + 1

    def test_kept_results_are_never_shared_across_permissions(self, engine, corpus, outsider):
        member = corpus.users["member"]
        assert self.search(engine, member, PRIVATE_DOCUMENT_TITLE).total == 1
        hidden = self.search(engine, outsider, PRIVATE_DOCUMENT_TITLE)
        assert PRIVATE_DOCUMENT_TITLE not in str([hit.title for hit in hidden.hits])
        assert all(count.count < 2 for count in hidden.facets["kind"])

    def test_pages_beyond_the_kept_window_follow_the_same_order(
        self, engine, corpus, outsider, monkeypatch
    ):
        expected = self.keys(engine, outsider, "atelier", per_page=10)
        assert len(expected) >= 3
        monkeypatch.setattr(database, "RESULT_WINDOW", 1)
        pages = [self.keys(engine, outsider, "atelier", page=n, per_page=1) for n in (1, 2, 3)]
        assert [keys[0] for keys in pages] == expected[:3]

    def test_spelling_suggestion(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "pasarelle")
        assert (results.total, results.suggestion) == (0, "passerelle")

    def test_no_suggestion_from_private_titles(self, engine, corpus, outsider, member):
        assert self.search(engine, outsider, "budgetaries").suggestion == ""
        assert self.search(engine, member, "budgetaries").suggestion == "budgetaires"
