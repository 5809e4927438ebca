"""The search reports' exports: the queries are typed by anyone, and end up in an editor's
spreadsheet. Each hostile query must be read as text, in CSV and in XLSX."""

from django.utils import timezone

import pytest

from home.roles import editors_group_sync
from search.models import SearchQueryDay
from tests.factories import ProfileFactory, UserFactory
from tests.spreadsheets import HOSTILE_CELLS, csv_rows, xlsx_values

pytestmark = pytest.mark.django_db

REPORTS = ["/admin/reports/recherches-frequentes/", "/admin/reports/recherches-sans-resultat/"]


@pytest.fixture
def editor_client(client):
    editor = ProfileFactory(user=UserFactory(username="editrice")).user
    editor.groups.add(editors_group_sync())
    client.force_login(editor)
    return client


@pytest.fixture
def hostile_queries(db):
    for rank, query in enumerate(HOSTILE_CELLS):
        SearchQueryDay.objects.create(
            query=query, date=timezone.localdate(), searches=rank + 1, zero_result_searches=1
        )


@pytest.mark.parametrize("report", REPORTS)
def test_the_csv_export_writes_every_query_as_text(editor_client, hostile_queries, report):
    rows = csv_rows(editor_client.get(report, {"export": "csv"}))

    assert rows[0] == ["Requête", "Recherches", "Recherches sans résultat"]
    assert {row[0]: row[1:] for row in rows[1:]} == {
        written: [str(rank + 1), "1"] for rank, written in enumerate(HOSTILE_CELLS.values())
    }


@pytest.mark.parametrize("report", REPORTS)
def test_the_xlsx_export_writes_every_query_as_text(editor_client, hostile_queries, report):
    rows = xlsx_values(editor_client.get(report, {"export": "xlsx"}))

    assert rows[0] == ("Requête", "Recherches", "Recherches sans résultat")
    assert {row[0]: row[1:] for row in rows[1:]} == {
        written: (rank + 1, 1) for rank, written in enumerate(HOSTILE_CELLS.values())
    }
