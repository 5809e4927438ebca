"""The live site of the committed-transaction suites, and the task backends they run with:
the immediate backend, and the database backend whose worker runs after each request, as
`manage.py db_worker` would; a failed task fails the test."""

from dataclasses import dataclass, field

from wagtail.models import Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from groups.models import Membership
from groups.services import membership_add
from home.models import HomePage
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StructureFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.committed.seen import PRIVATE_GROUP, SHARED
from tests.search.corpus import person
from tests.search.helpers import rebuild_search_index
from tests.search.live_site import Visitor, run_database_worker


@dataclass
class Tasks:
    backend: str
    failures: list

    def settle(self):
        """Let the task backend finish what was enqueued; a failed task fails the test."""
        if self.backend == "database":
            run_database_worker()
        failures, self.failures[:] = list(self.failures), []
        errors = [error.traceback for result in failures for error in result.errors]
        assert not failures, "a task failed:\n" + "\n".join(errors)


@pytest.fixture(params=["immediate", "database"])
def tasks(request, settings):
    if request.param == "database":
        # django_tasks forgets its backends when TASKS changes (setting_changed).
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    failures = []

    def record_failure(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failures.append(task_result)

    task_finished.connect(record_failure, dispatch_uid="committed-indexing-failures")
    yield Tasks(request.param, failures)
    task_finished.disconnect(dispatch_uid="committed-indexing-failures")


@dataclass
class Site:
    """A small network served by the live server: a library whose one resource holds SHARED,
    a members-only working group with its lead and a member, someone outside the group, a
    structure, and an administrator."""

    base_url: str
    tasks: Tasks
    library: Page
    group: Page
    structure: object
    users: dict
    visitors: list = field(default_factory=list)

    def visitor(self, username: str) -> Visitor:
        """Logged in through the login form; the task backend settles after each request."""
        visitor = Visitor(self.base_url, username, after_each_post=self.tasks.settle)
        self.visitors.append(visitor)
        return visitor

    def member_and_outsider(self) -> tuple[Visitor, Visitor]:
        return self.visitor("membre"), self.visitor("exterieur")

    def index_everything(self):
        """Where a test starts from: the set-up's tasks run and the index rebuilt, whatever
        the code under test does with the set-up's own writes."""
        self.tasks.settle()
        rebuild_search_index()

    def resource(self, parent, title, body, **kwargs):
        return ResourcePageFactory(
            parent=parent, title=title, summary="", body=f"<p>{body}</p>", **kwargs
        )


@pytest.fixture
def site(live_server, tasks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home = HomePage.objects.get()  # restored by the serialized rollback
    NetworkDirectoryPageFactory(parent=home)
    library = ResourceIndexPageFactory(parent=home)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home),
        title=PRIVATE_GROUP,
        slug="cercle-restreint",
        visibility="members",
    )
    users = {
        "admin": person("admin", is_superuser=True, is_staff=True),
        "lead": person("animatrice", first_name="Nadia", last_name="Benali"),
        "member": person("membre", first_name="Paul", last_name="Durand"),
        "outsider": person("exterieur", first_name="Léa", last_name="Petit"),
    }
    membership_add(group=group, user=users["lead"], role=Membership.Role.LEAD)
    membership_add(group=group, user=users["member"])
    group.refresh_from_db()
    structure = StructureFactory(name="Mission Locale de l'Auxois", short_name="ML Auxois")
    site = Site(live_server.url, tasks, library, group, structure, users)
    site.resource(library, "Passerelle ouverte", f"Une {SHARED} pour tout le réseau.")
    yield site
    for visitor in site.visitors:
        visitor.close()


@pytest.fixture
def public_page(site):
    """A resource of the library that everyone finds before the action under test."""
    title = "Périscope de l'accueil"
    page = site.resource(site.library, title, f"Une {SHARED} et un mot rare : sémaphore.")
    site.index_everything()
    return page, title
