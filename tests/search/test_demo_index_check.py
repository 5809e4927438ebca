"""The demo as `make run` serves it, then twenty actions of an administrator and of the people
of the network over real HTTP, every write committed: `search_check` then finds the index
exactly as the site says it should be (issue 12's "done when")."""

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

import pytest

from groups.models import Profile, Structure, Thematic, WorkingGroupPage
from home.models import NewsPage
from home.roles import EDITORS_GROUP_NAME
from resources.file_builders import build_docx, build_odt, build_pdf
from resources.models import ResourceDocument, ResourcePage
from search.check import index_check
from tests.factories.users import PASSWORD
from tests.search.live_site import Visitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server, settings, tmp_path, django_user_model):
    settings.MEDIA_ROOT = tmp_path
    settings.DEMO_PASSWORD = PASSWORD
    call_command("seed_demo", verbosity=0)
    visitors = []

    def visitor(username):
        visitors.append(Visitor(live_server.url, username))
        return visitors[-1]

    yield visitor
    for person in visitors:
        person.close()


def publish_edit(admin, page, **values):
    response = admin.submit(
        f"/admin/pages/{page.pk}/edit/", "#page-edit-form", values, button=("action-publish", "1")
    )
    assert response.status_code == 200, response.status_code


def test_twenty_actions_on_the_demo_leave_no_drift(demo):
    assert not any(index_check()), "the demo's own index drifts"
    admin = demo("admin")
    news = list(NewsPage.objects.live().order_by("pk"))
    resources = list(ResourcePage.objects.live().order_by("pk"))
    assert len(news) >= 4 and len(resources) >= 6

    # 1-3: three pages edited and published (resources: their form needs no script to fill).
    for number, page in enumerate(resources[:3], 1):
        publish_edit(admin, page, title=f"{page.title} (mise à jour {number})")
    # 4-5: two pages unpublished; 6: one of them published again.
    for page in (news[1], resources[2]):
        admin.submit(f"/admin/pages/{page.pk}/unpublish/", "main form")
    publish_edit(admin, resources[2])
    # 7-8: a resource and a news item moved into working groups (one of them members-only).
    groups = list(WorkingGroupPage.objects.live().order_by("visibility", "pk"))
    private_group = next(group for group in groups if group.visibility == "members")
    moves = [(resources[3], private_group), (news[2], groups[0])]
    for page, parent in moves:
        admin.submit(f"/admin/pages/{page.pk}/move/{parent.pk}/confirm/", "main form")
    # 9-10: two pages deleted.
    for page in (resources[4], news[3]):
        admin.submit(f"/admin/pages/{page.pk}/delete/", "main form")
    # 11-12: two pages restricted to the editors; 13: one restriction lifted.
    editors = Group.objects.get(name=EDITORS_GROUP_NAME)
    for page in (resources[5], news[0]):
        admin.post(
            f"/admin/pages/{page.pk}/privacy/",
            {"restriction_type": "groups", "groups": [editors.pk]},
        )
    admin.post(f"/admin/pages/{news[0].pk}/privacy/", {"restriction_type": "none"})
    # 14: a collection restricted to the editors.
    collection = Collection.objects.exclude(depth=1).order_by("pk").first()
    admin.post(
        f"/admin/collections/{collection.pk}/privacy/",
        {"restriction_type": "groups", "groups": [editors.pk]},
    )
    # 15-17: three documents through the multiple upload, one per format.
    for number, (extension, build) in enumerate(
        {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}.items(), 15
    ):
        response = admin.post(
            "/admin/documents/multiple/add/",
            {"title": f"Document {number}", "collection": Collection.get_first_root_node().pk},
            files={"files[]": (f"document-{number}.{extension}", build("Titre", ["Texte."]))},
            **{"X-Requested-With": "XMLHttpRequest"},
        )
        assert response.json()["success"] is True
    # 18: a structure renamed; 19: a thematic renamed.
    structure = Structure.objects.order_by("pk").first()
    admin.submit(
        f"/admin/snippets/groups/structure/edit/{structure.pk}/",
        "#w-editor-form",
        {"name": f"{structure.name} (renommée)"},
    )
    thematic = Thematic.objects.order_by("pk").first()
    admin.submit(
        f"/admin/snippets/groups/thematic/edit/{thematic.pk}/",
        "#w-editor-form",
        {"name": f"{thematic.name} (renommée)"},
    )
    # 20: a professional edits their profile.
    professional = demo("professionnel")
    professional.submit("/reseau/mon-profil/", "main form", {"job_title": "Référente mobilité"})

    # Each action did what it says (otherwise "no drift" would prove nothing).
    assert ResourcePage.objects.get(pk=resources[0].pk).title.endswith("(mise à jour 1)")
    assert not Page.objects.get(pk=news[1].pk).live
    assert Page.objects.get(pk=resources[2].pk).live
    for page, parent in moves:
        assert Page.objects.get(pk=page.pk).get_parent().pk == parent.pk
    assert not Page.objects.filter(pk__in=[resources[4].pk, news[3].pk]).exists()
    assert PageViewRestriction.objects.filter(page=resources[5]).exists()
    assert not PageViewRestriction.objects.filter(page=news[0]).exists()
    assert CollectionViewRestriction.objects.filter(collection=collection).exists()
    assert ResourceDocument.objects.filter(title__startswith="Document 1").count() == 3
    assert Structure.objects.get(pk=structure.pk).name.endswith("(renommée)")
    assert Thematic.objects.get(pk=thematic.pk).name.endswith("(renommée)")
    assert Profile.objects.get(user__username="professionnel").job_title == "Référente mobilité"

    drifts = index_check()
    assert not any(drifts), [(drift.engine, drift.keys[:10]) for drift in drifts]
