"""Index updates are enqueued once the change is committed, the same inside and outside an
atomic block, and never for a rolled-back change. These tests commit for real
(`transaction=True`): the suite's usual wrapping transaction would hide what production does.
"""

from django.contrib.auth.models import update_last_login
from django.db import transaction

import pytest
from django_tasks.signals import task_enqueued

from groups.models import Profile
from search import indexing
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.query import parse
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.search.corpus import person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Rollback(Exception):
    pass


@pytest.fixture
def enqueued():
    """The keys of every reindex task enqueued, one list per task."""
    tasks = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "reindex":
            tasks.append(task_result.args[0])

    task_enqueued.connect(record)
    yield tasks
    task_enqueued.disconnect(record)


def test_outside_a_transaction_the_keys_are_enqueued_at_once(enqueued):
    indexing.reindex_on_commit(["page:1", "page:2"])
    assert enqueued == [["page:1", "page:2"]]


def test_inside_a_transaction_one_task_waits_for_the_commit(enqueued):
    with transaction.atomic():
        indexing.reindex_on_commit(["page:1"])
        indexing.reindex_on_commit(["page:2", "page:1"])
        assert enqueued == []
    assert enqueued == [["page:1", "page:2"]]


def test_a_rolled_back_transaction_enqueues_nothing(enqueued):
    with pytest.raises(Rollback), transaction.atomic():
        indexing.reindex_on_commit(["page:1"])
        raise Rollback
    assert enqueued == []


def test_a_rolled_back_savepoint_takes_only_its_own_keys(enqueued):
    with transaction.atomic():
        indexing.reindex_on_commit(["page:1"])
        with pytest.raises(Rollback), transaction.atomic():
            indexing.reindex_on_commit(["page:2"])
            raise Rollback
        with transaction.atomic():
            indexing.reindex_on_commit(["page:3"])
        indexing.reindex_on_commit(["page:4"])
    assert sorted(key for keys in enqueued for key in keys) == ["page:1", "page:3", "page:4"]


def test_keys_of_a_released_savepoint_survive_a_later_sibling_rollback(enqueued):
    with transaction.atomic():
        with transaction.atomic():
            indexing.reindex_on_commit(["page:1"])
        with pytest.raises(Rollback), transaction.atomic():
            indexing.reindex_on_commit(["page:1", "page:2"])
            raise Rollback
    assert sorted(key for keys in enqueued for key in keys) == ["page:1"]


def test_publishing_and_unpublishing_outside_a_transaction_reach_the_index(home_page):
    NetworkDirectoryPageFactory(parent=home_page)
    library = ResourceIndexPageFactory(parent=home_page)
    reader = person("lectrice")
    page = ResourcePageFactory(parent=library, title="Guide du covoiturage solidaire", live=False)

    def found():
        results = DatabaseEngine().search(SearchRequest(query=parse("covoiturage")), reader)
        return [hit.key for hit in results.hits]

    assert found() == []
    page.save_revision().publish()
    assert found() == [f"page:{page.pk}"]
    page.refresh_from_db()
    page.unpublish()
    assert found() == []


def test_a_login_reindexes_nobody_a_new_name_reindexes_the_person(enqueued):
    user = person("connexion", first_name="Inès")
    enqueued.clear()
    update_last_login(None, user)  # what django.contrib.auth does on each login
    assert enqueued == []
    user.first_name = "Inès-Marie"
    user.save(update_fields=["first_name"])
    assert enqueued == [[f"person:{Profile.objects.get(user=user).pk}"]]
