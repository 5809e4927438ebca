"""The search index follows what people do, on a server in its production shape: every action
goes over real HTTP to a live server and every write is committed (no test transaction around
the requests). The index is checked as people see it, by someone who may view the content and
someone who may not: the search page (titles, snippets, facet counts parsed from the page) and
the header box's suggestions.

Every test runs with the immediate task backend and with the database backend, whose worker
runs after each request, as `manage.py db_worker` would; a failed task fails the test.
"""

import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.models import Collection, Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from groups.models import Membership, Profile
from groups.services import membership_add
from home.models import HomePage
from resources.file_builders import build_docx, build_odt, build_pdf
from resources.models import ResourceDocument
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StructureFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.corpus import person
from tests.search.helpers import rebuild_search_index
from tests.search.live_site import Visitor, run_database_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# In everything these tests search for, so that facet counts compare what each person sees.
SHARED = "passerelle"
KIND = "Type de contenu"
GROUP = "Groupe de travail"
STRUCTURE = "Structure productrice"
PRIVATE_GROUP = "Cercle restreint"
# The facets everyone sees for SHARED when only the library's public resource holds it.
ANCHOR_ONLY = {KIND: {"Ressource": 1}}


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


# What a person sees ---------------------------------------------------------------------------


def assert_finds(visitor, query, title, snippet_word, *, suggest):
    page = visitor.search(query)
    hit = page.hit(title)
    assert hit is not None, (
        f"{visitor.username} searching “{query}” should find “{title}”; "
        f"the page says “{page.status}” and lists {page.titles}"
    )
    assert snippet_word.lower() in hit.snippet.lower(), (
        f"the snippet of “{title}” should show “{snippet_word}”: “{hit.snippet}”"
    )
    suggested = visitor.suggestions(suggest)
    assert title in suggested, (
        f"{visitor.username} typing “{suggest}” should be suggested “{title}”: {suggested}"
    )


def assert_does_not_find(visitor, query, title, snippet_word, *, suggest):
    page = visitor.search(query)
    assert title not in page.titles, (
        f"{visitor.username} searching “{query}” must not find “{title}”: {page.titles}"
    )
    assert all(snippet_word.lower() not in hit.snippet.lower() for hit in page.hits), (
        f"{visitor.username} must not read “{snippet_word}” in any snippet: {page.hits}"
    )
    suggested = visitor.suggestions(suggest)
    assert title not in suggested, (
        f"{visitor.username} typing “{suggest}” must not be suggested “{title}”: {suggested}"
    )


def facets(visitor, *names, query=SHARED) -> dict:
    """The facet counts the search page shows for `query` (those named only)."""
    shown = visitor.search(query).facets
    return {name: shown[name] for name in names if name in shown}


# Documents ------------------------------------------------------------------------------------

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}


@pytest.mark.parametrize("extension", BUILDERS)
def test_a_document_uploaded_through_the_admin_is_found_by_a_word_inside_its_file(site, extension):
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    title = "Astrolabe des ateliers"
    content = BUILDERS[extension](
        "Relevé", [f"Une {SHARED} entre deux dispositifs.", "Le mot ornithorynque est ici."]
    )

    # What the multiple upload page's script sends for each file (its title: the file name).
    response = admin.post(
        "/admin/documents/multiple/add/",
        {"title": title, "collection": site.group.collection_id},
        files={"files[]": (f"{title}.{extension}", content)},
        **{"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.json()["success"] is True
    assert_finds(member, "ornithorynque", title, "ornithorynque", suggest="astrol")
    assert_does_not_find(outsider, "ornithorynque", title, "ornithorynque", suggest="astrol")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_a_document_added_in_a_group_space_is_found_by_its_members_only(site):
    site.index_everything()
    member, outsider = site.member_and_outsider()
    title = "Chrysalide du groupe"
    content = build_pdf("Notes", [f"Une {SHARED} vers l'emploi.", "Le mot hippocampe est ici."])

    response = member.submit(
        site.group.url,
        "form.document-add",
        {"title": title},
        files={"file": ("notes.pdf", content, "application/pdf")},
    )

    assert f"« {title} » est dans les documents du groupe." in member.messages(response)
    assert_finds(member, "hippocampe", title, "hippocampe", suggest="chrysal")
    assert_does_not_find(outsider, "hippocampe", title, "hippocampe", suggest="chrysal")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_reextracting_documents_indexes_their_new_text(site, settings):
    # The text was cut by a low limit; an operator raises it and extracts every file again.
    settings.TRAME_EXTRACTION_MAX_CHARS = 40
    title = "Goélette des partenaires"
    filler = "Un compte rendu des rencontres entre les Missions Locales du réseau. " * 3
    ResourceDocument(
        title=title,
        collection=site.group.collection,
        file=ContentFile(
            build_pdf("Bilan", [filler, f"Une {SHARED} et un mot rare : périscope."]),
            name="bilan.pdf",
        ),
    ).save()
    site.index_everything()
    member, outsider = site.member_and_outsider()
    assert member.search("périscope").titles == []
    assert member.search("goélette").titles == [title]

    settings.TRAME_EXTRACTION_MAX_CHARS = 1_000_000
    call_command("reextract_documents", stdout=io.StringIO())  # outside any atomic block
    site.tasks.settle()

    assert_finds(member, "périscope", title, "périscope", suggest="goélet")
    assert_does_not_find(outsider, "périscope", title, "périscope", suggest="goélet")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_restricting_a_collection_in_the_admin(site):
    title = "Anémomètre budgétaire"
    direction = Collection.get_first_root_node().add_child(name="Direction")
    ResourceDocument(
        title=title,
        collection=direction,
        file=ContentFile(
            build_pdf("Budget", [f"Une {SHARED} et un mot rare : astragale."]), name="budget.pdf"
        ),
    ).save()
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    for visitor in (member, outsider):
        assert_finds(visitor, "astragale", title, "astragale", suggest="anémom")

    response = admin.post(
        f"/admin/collections/{direction.pk}/privacy/",
        {"restriction_type": "groups", "groups": site.group.members_group_id},
    )

    assert response.json()["step"] == "set_privacy_done"
    assert_finds(member, "astragale", title, "astragale", suggest="anémom")
    assert_does_not_find(outsider, "astragale", title, "astragale", suggest="anémom")
    assert facets(member, KIND) == {KIND: {"Ressource": 1, "Document": 1}}
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


# Pages ----------------------------------------------------------------------------------------


def test_publishing_a_page_in_the_admin(site):
    title = "Kaléidoscope des pratiques"
    body = f"Une {SHARED} et un mot rare : mandragore."
    page = site.resource(site.group, title, body, live=False)
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    assert member.search("mandragore").titles == []

    response = admin.submit(
        f"/admin/pages/{page.pk}/edit/", "#page-edit-form", button=("action-publish", "1")
    )

    assert f"La page « {title} » a été publiée." in admin.messages(response)[0]
    assert_finds(member, "mandragore", title, "mandragore", suggest="kaléido")
    assert_does_not_find(outsider, "mandragore", title, "mandragore", suggest="kaléido")
    assert facets(member, KIND, GROUP) == {KIND: {"Ressource": 2}, GROUP: {PRIVATE_GROUP: 1}}
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


@pytest.fixture
def public_page(site):
    """A resource of the library that everyone finds before the action under test."""
    title = "Périscope de l'accueil"
    page = site.resource(site.library, title, f"Une {SHARED} et un mot rare : sémaphore.")
    site.index_everything()
    return page, title


def assert_everyone_finds(visitors, title):
    for visitor in visitors:
        assert_finds(visitor, "sémaphore", title, "sémaphore", suggest="périsc")
        assert facets(visitor, KIND, GROUP) == {KIND: {"Ressource": 2}}


def test_unpublishing_a_page_in_the_admin(site, public_page):
    page, title = public_page
    admin = site.visitor("admin")
    everyone = site.member_and_outsider()
    assert_everyone_finds(everyone, title)

    response = admin.submit(f"/admin/pages/{page.pk}/unpublish/", "main form")

    assert f"Page « {title} » dépubliée." in admin.messages(response)[0]
    for visitor in everyone:
        assert_does_not_find(visitor, "sémaphore", title, "sémaphore", suggest="périsc")
        assert facets(visitor, KIND, GROUP) == ANCHOR_ONLY


def test_deleting_a_page_in_the_admin(site, public_page):
    page, title = public_page
    admin = site.visitor("admin")
    everyone = site.member_and_outsider()
    assert_everyone_finds(everyone, title)

    response = admin.submit(f"/admin/pages/{page.pk}/delete/", "main form")

    assert f"Page « {title} » supprimée." in admin.messages(response)
    for visitor in everyone:
        assert_does_not_find(visitor, "sémaphore", title, "sémaphore", suggest="périsc")
        assert facets(visitor, KIND, GROUP) == ANCHOR_ONLY


def test_moving_a_page_into_a_members_only_group_in_the_admin(site, public_page):
    page, title = public_page
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    assert_everyone_finds([member, outsider], title)

    # The editor chooses the destination, then confirms.
    admin.submit(f"/admin/pages/{page.pk}/move/", "main form", {"new_parent_page": site.group.pk})
    response = admin.submit(f"/admin/pages/{page.pk}/move/{site.group.pk}/confirm/", "main form")

    assert f"Page « {title} » déplacée." in admin.messages(response)[0]
    assert_finds(member, "sémaphore", title, "sémaphore", suggest="périsc")
    assert_does_not_find(outsider, "sémaphore", title, "sémaphore", suggest="périsc")
    assert facets(member, KIND, GROUP) == {KIND: {"Ressource": 2}, GROUP: {PRIVATE_GROUP: 1}}
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_restricting_a_page_in_the_admin_then_lifting_the_restriction(site, public_page):
    page, title = public_page
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    assert_everyone_finds([member, outsider], title)
    privacy = f"/admin/pages/{page.pk}/privacy/"

    response = admin.post(
        privacy, {"restriction_type": "groups", "groups": site.group.members_group_id}
    )

    assert response.json()["step"] == "set_privacy_done"
    assert_finds(member, "sémaphore", title, "sémaphore", suggest="périsc")
    assert_does_not_find(outsider, "sémaphore", title, "sémaphore", suggest="périsc")
    assert facets(member, KIND) == {KIND: {"Ressource": 2}}
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY

    response = admin.post(privacy, {"restriction_type": "none"})

    assert response.json()["is_public"] is True
    assert_everyone_finds([member, outsider], title)


# People ---------------------------------------------------------------------------------------


def test_membership_changes_open_and_close_the_group_content(site):
    title = "Sextant des parcours"
    site.resource(site.group, title, f"Une {SHARED} et un mot rare : cormoran.")
    site.index_everything()
    lead = site.visitor("animatrice")
    member, outsider = site.member_and_outsider()
    assert_finds(member, "cormoran", title, "cormoran", suggest="sextan")
    assert_does_not_find(outsider, "cormoran", title, "cormoran", suggest="sextan")

    response = lead.submit(site.group.url, "form.member-add", {"person": "exterieur"})

    assert (
        "Si un compte actif correspond à « exterieur », cette personne est désormais membre du "
        "groupe et figure dans la liste des membres." in lead.messages(response)
    )
    assert_finds(outsider, "cormoran", title, "cormoran", suggest="sextan")
    assert facets(outsider, KIND, GROUP) == {KIND: {"Ressource": 2}, GROUP: {PRIVATE_GROUP: 1}}

    removal = f"form[action$='/membres/{site.users['member'].pk}/retirer/']"
    response = lead.submit(site.group.url, removal)

    assert "Paul Durand n’est plus membre du groupe." in lead.messages(response)
    assert_does_not_find(member, "cormoran", title, "cormoran", suggest="sextan")
    assert facets(member, KIND, GROUP) == ANCHOR_ONLY


# The network directory is open to every logged-in person: after a profile or structure edit,
# both people find the new text and neither finds the old one.


def test_editing_ones_profile(site):
    site.index_everything()
    member, outsider = site.member_and_outsider()
    name = "Paul Durand"
    assert_finds(outsider, "conseiller", name, "conseiller", suggest="durand")

    response = member.submit(
        "/reseau/mon-profil/",
        "main form",
        {"job_title": "Référent cartographie", "bio": f"Une {SHARED} vers les entreprises."},
    )

    assert "Votre profil est enregistré." in member.messages(response)
    for visitor in (member, outsider):
        assert_finds(visitor, "cartographie", name, "cartographie", suggest="cartog")
        assert name not in visitor.search("conseiller").titles
        assert facets(visitor, KIND) == {KIND: {"Ressource": 1, "Personne": 1}}


def test_editing_a_structure_in_the_admin(site):
    Profile.objects.filter(user=site.users["outsider"]).update(structure=site.structure)
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    old_name, new_name = "Mission Locale de l'Auxois", "Mission Locale du Morvan"
    assert_finds(member, "auxois", old_name, "auxois", suggest="auxoi")

    response = admin.submit(
        f"/admin/snippets/groups/structure/edit/{site.structure.pk}/",
        "#w-editor-form",
        {"name": new_name, "short_name": "ML Morvan"},
    )

    assert f"Structure « {new_name} » modifié(e)." in admin.messages(response)[0]
    for visitor in (member, outsider):
        assert_finds(visitor, "morvan", new_name, "morvan", suggest="morva")
        # Its people are found by its new name too.
        assert facets(visitor, KIND, STRUCTURE, query="morvan") == {
            KIND: {"Structure": 1, "Personne": 1},
            STRUCTURE: {new_name: 2},
        }
        assert visitor.search("auxois").titles == []
        assert visitor.suggestions("auxoi") == []
