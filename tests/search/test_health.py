"""Reindex failures are never silent: retried, logged with their keys, recorded, shown to
editors on the dashboard and reported by /healthz (which never shows content)."""

import logging

from django.contrib.auth.models import Permission
from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from home.roles import editors_group_sync
from search import indexing
from search.check import index_check
from search.models import IndexCheck, ReindexFailure, SearchEntry
from search.tasks import MAX_ATTEMPTS, reindex
from tests.factories import UserFactory
from tests.search.corpus import person
from tests.search.live_site import run_database_worker


@pytest.fixture
def broken_index(monkeypatch):
    """The engines refuse every write, as an unreachable cluster would."""
    calls = []

    def fail(keys):
        calls.append(list(keys))
        raise ConnectionError("cluster unreachable")

    monkeypatch.setattr(indexing, "reindex_keys", fail)
    return calls


def test_a_failed_reindex_is_retried_logged_with_its_keys_and_recorded(db, broken_index, caplog):
    with caplog.at_level(logging.ERROR, logger="search"):
        result = reindex.enqueue(["page:12", "person:3"])

    assert broken_index == [["page:12", "person:3"]] * MAX_ATTEMPTS
    messages = [r.getMessage() for r in caplog.records if r.name == "search"]
    assert len(messages) == MAX_ATTEMPTS
    assert all("page:12 person:3" in message for message in messages)
    assert "attempt 3 of 3" in messages[-1]
    failure = ReindexFailure.objects.get()
    assert failure.keys == ["page:12", "person:3"]
    assert failure.attempts == MAX_ATTEMPTS
    assert "cluster unreachable" in failure.error
    assert result.status == "FAILED"


def test_a_later_reindex_of_the_same_keys_resolves_the_failure(db, monkeypatch):
    ReindexFailure.objects.create(keys=["page:12"], attempts=3, error="ConnectionError()")
    other = ReindexFailure.objects.create(keys=["page:13"], attempts=3, error="ConnectionError()")
    monkeypatch.setattr(indexing, "reindex_keys", lambda keys: (len(keys), 0))
    reindex.enqueue(["page:12", "page:14"])
    assert list(ReindexFailure.objects.filter(resolved_at__isnull=True)) == [other]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failures_with_the_database_worker_are_retried_later(broken_index):
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        reindex.enqueue(["page:1"])
        run_database_worker()
        # The first attempt failed and scheduled the second for later, not at once.
        assert broken_index == [["page:1"]]
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.args_kwargs["args"] == [["page:1"], 2]
        assert retry.run_after is not None


def test_healthz_reports_failing_reindexing_without_content(client, db):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "search": "ok"}
    ReindexFailure.objects.create(keys=["page:12"], attempts=3, error="Guide confidentiel")
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "degraded",
        "database": "ok",
        "search": "degraded",
        "search_problems": ["reindex_failed"],
    }


def test_healthz_reports_drift_found_by_the_last_check(client, home_page):
    SearchEntry.objects.create(key="page:999", kind="page", kind_label="Page", title="x", url="/")
    index_check()
    assert client.get("/healthz").json()["search_problems"] == ["drift"]
    index_check(repair=True)
    assert client.get("/healthz").json()["search"] == "ok"


@pytest.fixture
def editor(db):
    user = person("editrice")
    user.groups.add(editors_group_sync())
    return user


def test_editors_see_the_index_health_on_the_dashboard(client, editor, home_page):
    ReindexFailure.objects.create(keys=["page:12"], attempts=3, error="ConnectionError()")
    IndexCheck.objects.create(engine="sqlite", expected=10, indexed=9, missing=1, stale=0, extra=0)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "État de l’index de recherche" in html
    assert "L’index de recherche demande votre attention." in html
    assert "page:12" in html
    assert "9 entrées présentes, 10 attendues ; 1 manquantes, 0 périmées, 0 en trop." in html


def test_other_admin_users_do_not_see_the_index_health(client, home_page):
    lead = UserFactory(username="animateur")
    lead.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(lead)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "État de l’index de recherche" not in response.content.decode()
