"""The index follows the site: every change is searchable (or gone) once committed."""

import io
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from wagtail.models import PageViewRestriction

import pytest
from django_tasks.signals import task_enqueued

from groups.models import Membership
from groups.services import group_visibility_set, membership_add
from resources.file_builders import build_pdf
from resources.models import ResourcePageDocument
from search import indexing
from search.engines.base import Engine, SearchRequest
from search.engines.database import DatabaseEngine
from search.models import SearchEntry
from search.query import parse
from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    MeetingPageFactory,
    NetworkDirectoryPageFactory,
    OrientationPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StrategyPlanPageFactory,
    StructureFactory,
    ThematicFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.corpus import pdf_document, person
from tests.search.helpers import rebuild_search_index


@pytest.fixture
def library(home_page):
    NetworkDirectoryPageFactory(parent=home_page)
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def outsider(db):
    return person("exterieur", first_name="Léa", last_name="Petit")


@pytest.fixture
def member(db):
    return person("membre", first_name="Paul", last_name="Durand")


@pytest.fixture
def private_group(home_page, member):
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=groups, title="Cercle restreint", visibility="members")
    lead = person("animatrice")
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    membership_add(group=group, user=member)
    group.refresh_from_db()
    return group


@pytest.fixture
def commit(db):
    """At the end of the block, run what the test's transaction registered for its commit, as
    a real commit would (the test transaction itself is never committed)."""

    @contextmanager
    def committed():
        yield
        while connection.run_on_commit:
            callbacks = [callback for _ids, callback, _robust in connection.run_on_commit]
            connection.run_on_commit.clear()
            for callback in callbacks:
                callback()

    return committed


def found(text, user) -> list[str]:
    results = DatabaseEngine().search(SearchRequest(query=parse(text)), user)
    return [hit.key for hit in results.hits]


def test_publishing_a_page_indexes_it(library, outsider, commit):
    page = ResourcePageFactory(parent=library, title="Guide du logement", live=False)
    assert found("logement", outsider) == []
    with commit():
        page.save_revision().publish()
    assert found("logement", outsider) == [f"page:{page.pk}"]


def test_a_published_change_replaces_the_entry(library, outsider, commit):
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.save_revision().publish()
    page.title = "Guide de la mobilité"
    with commit():
        page.save_revision().publish()
    assert found("logement", outsider) == []
    assert found("mobilité", outsider) == [f"page:{page.pk}"]
    assert SearchEntry.objects.filter(key=f"page:{page.pk}").count() == 1


def test_unpublishing_removes_the_page_and_its_subtree(home_page, library, outsider, commit):
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.save_revision().publish()
        library.save_revision().publish()
    with commit():
        library.unpublish()
    assert found("logement", outsider) == []
    assert found("ressources", outsider) == []


def test_moving_under_a_restricted_page(library, private_group, outsider, member, commit):
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.save_revision().publish()
    assert found("logement", outsider) == [f"page:{page.pk}"]
    with commit():
        page.move(private_group, pos="last-child")
    assert found("logement", outsider) == []
    assert found("logement", member) == [f"page:{page.pk}"]


def test_deleting_a_page(library, outsider, commit):
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.save_revision().publish()
    with commit():
        page.delete()
    assert found("logement", outsider) == []
    assert not SearchEntry.objects.filter(key__startswith="page:", title__contains="logement")


def test_restriction_added_then_removed(home_page, member, outsider, commit):
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    with commit():
        group = WorkingGroupPageFactory(parent=groups, title="Cercle des référents")
        membership_add(group=group, user=person("animatrice"), role=Membership.Role.LEAD)
        membership_add(group=group, user=member)
        meeting = MeetingPageFactory(parent=group, title="Réunion des référents")
        meeting.save_revision().publish()
    assert found("réunion référents", outsider) == [f"page:{meeting.pk}"]
    with commit():
        group_visibility_set(group=group, visibility="members")
    assert PageViewRestriction.objects.filter(page=group).exists()
    assert found("réunion référents", outsider) == []
    assert found("réunion référents", member) == [f"page:{meeting.pk}"]
    with commit():
        group_visibility_set(group=group, visibility="network")
    assert found("réunion référents", outsider) == [f"page:{meeting.pk}"]


def test_new_file_text_is_searchable(library, outsider, commit):
    with commit():
        document = pdf_document("Rapport", ["Premier texte."])
        page = ResourcePageFactory(parent=library, title="Rapport annuel")
        ResourcePageDocument.objects.create(page=page, document=document)
        page.save_revision().publish()
    assert found("ornithorynque", outsider) == []
    with commit():
        document.file = ContentFile(
            build_pdf("Rapport", ["Un ornithorynque au bord de l'eau."]), name="rapport-2.pdf"
        )
        document.save()  # extracted at once (immediate tasks), then reindexed
    assert found("ornithorynque", outsider) == [f"page:{page.pk}"]


def test_meeting_attachment_is_a_document_entry(private_group, member, outsider, commit):
    with commit():
        meeting = MeetingPageFactory(parent=private_group, title="Réunion de rentrée")
        document = pdf_document("Feuille de présence", ["Liste."], private_group.collection)
        meeting.attachments.create(document=document)
        meeting.save_revision().publish()
    assert found("feuille présence", member) == [f"document:{document.pk}"]
    assert found("feuille présence", outsider) == []


def test_document_presented_by_a_resource_is_found_through_it(library, outsider, commit):
    with commit():
        document = pdf_document("Feuille de route", ["Les étapes."])
    assert found("feuille route", outsider) == [f"document:{document.pk}"]
    with commit():
        page = ResourcePageFactory(parent=library, title="Accompagnement")
        ResourcePageDocument.objects.create(page=page, document=document)
        page.save_revision().publish()
    assert found("étapes", outsider) == [f"page:{page.pk}"]


def test_profile_change_is_searchable(library, outsider, commit):
    someone = person("claire", first_name="Claire", last_name="Roux")
    with commit():
        someone.profile.job_title = "Chargée de relations entreprises"
        someone.profile.save()
    assert found("relations entreprises", outsider) == [f"person:{someone.profile.pk}"]
    with commit():
        someone.is_active = False
        someone.save()
    assert found("relations entreprises", outsider) == []


class RecordingEngine(Engine):
    name = "recording"

    def __init__(self):
        self.indexed, self.deleted = [], []

    def index(self, entries):
        self.indexed.extend(entry.key for entry in entries)

    def delete(self, keys):
        self.deleted.extend(keys)


def test_tasks_write_the_database_engine_and_the_configured_one(
    library, outsider, commit, monkeypatch
):
    other = RecordingEngine()
    monkeypatch.setattr(indexing, "get_engine", lambda: other)
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.save_revision().publish()
    assert f"page:{page.pk}" in other.indexed
    assert found("logement", outsider) == [f"page:{page.pk}"]  # the fallback is current


def test_search_rebuild_command(library, outsider):
    page = ResourcePageFactory(parent=library, title="Guide du logement")
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    assert "reconstruit" in out.getvalue()
    assert found("logement", outsider) == [f"page:{page.pk}"]


def test_renamed_thematic_is_shown_renamed(library, outsider, commit):
    thematic = ThematicFactory(name="Santé", slug="sante")
    with commit():
        page = ResourcePageFactory(parent=library, title="Guide du logement")
        page.thematics.add(thematic)
        page.save_revision().publish()
    with commit():
        thematic.name = "Santé et bien-être"
        thematic.save()
    results = DatabaseEngine().search(SearchRequest(query=parse("logement")), outsider)
    assert [t.label for t in results.hits[0].thematics] == ["Santé et bien-être"]


def test_one_task_per_transaction(library, commit):
    enqueued = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "reindex":
            enqueued.append(task_result.args[0])

    task_enqueued.connect(record)
    try:
        with commit():
            first = ResourcePageFactory(parent=library, title="Premier guide")
            second = ResourcePageFactory(parent=library, title="Second guide")
            first.save_revision().publish()
            second.save_revision().publish()
    finally:
        task_enqueued.disconnect(record)
    assert len(enqueued) == 1
    assert {f"page:{first.pk}", f"page:{second.pk}"} <= set(enqueued[0])


def test_renamed_structure_is_shown_renamed_on_its_plan_and_actions(home_page, outsider, commit):
    structure = StructureFactory(name="Mission Locale du Jura")
    plan = StrategyPlanPageFactory(parent=home_page, structure=structure)
    axis = AxisPageFactory(parent=OrientationPageFactory(parent=plan))
    action = ActionPageFactory(parent=axis, title="Action mobilité", pilot_structure=structure)
    rebuild_search_index()
    with commit():
        structure.name = "Mission Locale du Haut-Jura"
        structure.save()
    labels = dict(
        SearchEntry.objects.filter(key__in=[f"page:{plan.pk}", f"page:{action.pk}"]).values_list(
            "key", "structure_label"
        )
    )
    assert labels == {
        f"page:{plan.pk}": "Mission Locale du Haut-Jura",
        f"page:{action.pk}": "Mission Locale du Haut-Jura",
    }
