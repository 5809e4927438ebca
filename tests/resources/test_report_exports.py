"""The library reports' exports: resource titles are typed by editors and group leads, and
end up in the spreadsheets of the ARML team. Each hostile title must be read as text."""

import datetime

from django.utils import timezone

import pytest

from home.roles import editors_group_sync
from resources.models import ResourceViewDay
from tests.factories import ProfileFactory, ResourcePageFactory, UserFactory
from tests.spreadsheets import HOSTILE_CELLS, csv_rows, xlsx_values

pytestmark = pytest.mark.django_db

VISIBILITY = "/admin/reports/visibilite-des-ressources/"
REVIEW = "/admin/reports/ressources-a-reviser/"


@pytest.fixture
def editor_client(client):
    editor = ProfileFactory(user=UserFactory(username="editrice")).user
    editor.groups.add(editors_group_sync())
    client.force_login(editor)
    return client


@pytest.fixture
def hostile_resources(library):
    overdue = timezone.localdate() - datetime.timedelta(days=1)
    resources = {}
    for rank, title in enumerate(HOSTILE_CELLS):
        resource = ResourcePageFactory(
            parent=library, title=title, slug=f"ressource-{rank}", review_date=overdue
        )
        ResourceViewDay.objects.create(resource=resource, day=timezone.localdate(), views=rank + 1)
        resources[title] = resource
    return resources


def test_the_visibility_csv_writes_every_title_as_text(editor_client, hostile_resources):
    rows = csv_rows(editor_client.get(VISIBILITY, {"jours": 7, "export": "csv"}))

    assert rows[0] == ["Rubrique", "Nom", "Vues", "Téléchargements"]
    most_viewed = {row[1]: row[2] for row in rows if row[0] == "Les plus consultées"}
    assert most_viewed == {
        written: str(rank + 1) for rank, written in enumerate(HOSTILE_CELLS.values())
    }


def test_the_review_report_csv_writes_every_title_as_text(editor_client, hostile_resources):
    rows = csv_rows(editor_client.get(REVIEW, {"export": "csv"}))

    titles = {row[0] for row in rows[1:]}
    assert titles == set(HOSTILE_CELLS.values())


def test_the_review_report_xlsx_writes_every_title_as_text(editor_client, hostile_resources):
    rows = xlsx_values(editor_client.get(REVIEW, {"export": "xlsx"}))

    titles = {row[0] for row in rows[1:]}
    assert titles == set(HOSTILE_CELLS.values())
