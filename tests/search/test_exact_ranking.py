"""Whatever the engine does to answer fast (one statement for the counts and the first hits,
results kept until the index changes), its first page is the exact ranking: on 10,000
generated resources, the first 10 hits of every query of the benchmark (`bench/search.py`)
are those of the slow way, where every match is scored by the database and sorted here."""

import datetime

from django.db import connection, transaction

import pytest

from bench.search_corpus import FILTERS, QUERIES, SYNONYMS, resource
from search.engines import sql
from search.engines.base import Choice, IndexEntry, SearchRequest
from search.engines.database import DatabaseEngine, vendor_module
from search.models import SynonymGroup, synonym_table
from search.query import parse

SIZE = 10_000
THEMATICS = [Choice(f"thematique-{n}", f"Thématique {n}") for n in range(8)]
# The database's own relevance of one match (higher is better for PostgreSQL's ts_rank,
# lower for SQLite's bm25), before the entry's boost multiplies it.
RELEVANCE = {
    "postgresql": ("ts_rank(e.search_vector, query.q)", -1),
    "sqlite": ("bm25(search_fts, 10.0, 3.0, 1.0)", 1),
}


def generated(number: int) -> IndexEntry:
    document = resource(number)
    return IndexEntry(
        key=f"document:{number}",
        kind=Choice("document", "Document"),
        title=document.title,
        url=f"/documents/{number}/",
        body=document.summary,
        document_text=document.text,
        date=datetime.date(document.year, 1 + number % 12, 1 + number % 28),
        thematics=(THEMATICS[number % len(THEMATICS)],),
        popularity=number * 7919 % 200,
    )


@pytest.fixture(scope="module")
def large_index(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            for expressions in SYNONYMS:
                SynonymGroup.objects.create(expressions=expressions)
            entries = (generated(number) for number in range(SIZE))
            DatabaseEngine().rebuild(entries, SIZE, lambda done: None)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def ranked_the_slow_way(text: str, filters: dict) -> list[str]:
    """Every match with its relevance and boost, sorted here: score, then id."""
    match = vendor_module().match(parse(text, synonym_table()))
    where, params = sql.sql_and([(match.where_sql, match.where_params), sql.filters_sql(filters)])
    relevance, sign = RELEVANCE[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, e.key, {relevance}, e.boost FROM {match.from_sql} WHERE {where}",  # noqa: S608 (the engine's SQL; text in params)
            [*match.from_params, *params],
        )
        rows = cursor.fetchall()
    rows.sort(key=lambda row: (sign * row[2] * row[3], row[0]))
    return [key for _, key, _, _ in rows]


@pytest.mark.parametrize("name", QUERIES)
def test_first_page_is_the_exact_ranking(large_index, professional, name):
    text, _fraction = QUERIES[name]
    filters = FILTERS.get(name, {})
    expected = ranked_the_slow_way(text, filters)
    request = SearchRequest(query=parse(text, synonym_table()), filters=filters)

    results = DatabaseEngine().search(request, professional)

    assert results.total == len(expected) > 0
    assert [hit.key for hit in results.hits] == expected[:10]
    second_page = DatabaseEngine().search(
        SearchRequest(query=request.query, filters=filters, page=2), professional
    )
    assert [hit.key for hit in second_page.hits] == expected[10:20]
