"""Structure spaces: editors named by the director or regional editors edit only their
structure's space; its people read it; its reserved page and documents are for its people
and regional editors only. Rights come from the same Django groups, page and collection
permissions and view restrictions as working groups."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, PageViewRestriction

import pytest

from groups.models import StructureEditor, StructureSpacePage
from groups.services import MembershipError
from groups.spaces import structure_editor_add, structure_editor_remove, structure_space_sync
from home.visibility import document_is_visible_to, page_is_visible_to
from tests.factories import ContentPageFactory
from tests.groups.space_setup import build_spaces, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(home_page):
    return build_spaces(home_page, trame=False)


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def test_space_is_synced_with_groups_collection_and_reserved_page(s):
    space = StructureSpacePage.objects.get(pk=s.space_a.pk)
    assert space.get_parent().specific == s.directory
    assert space.members_group.name.startswith("Structure Mission Locale du Chalonnais")
    assert set(space.members_group.user_set.all()) == {s.director_a, s.colleague_a, s.member_a}
    assert set(space.editors_group.user_set.all()) == {s.director_a}
    assert space.private_collection.get_parent() == space.collection
    assert space.private_page.get_parent().pk == space.pk
    restriction = PageViewRestriction.objects.get(page=space.private_page)
    assert set(restriction.groups.all()) == {
        space.members_group,
        space.editors_group,
        Group.objects.get(name="Éditeurs"),
    }
    assert GroupPagePermission.objects.filter(group=space.editors_group, page=space).count() == 3
    assert not GroupPagePermission.objects.filter(group=space.members_group).exists()


def test_sync_twice_changes_nothing(s):
    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        PageViewRestriction.objects.count(),
        s.space_a.get_children().count(),
    )
    structure_space_sync(space=StructureSpacePage.objects.get(pk=s.space_a.pk))
    s.space_a.save_revision().publish()
    after = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        PageViewRestriction.objects.count(),
        s.space_a.get_children().count(),
    )
    assert before == after


def test_named_editor_edits_only_their_structure_space(s):
    assert not can_edit(s.colleague_a, s.space_a)
    structure_editor_add(structure=s.a, user=s.colleague_a, by=s.director_a)
    structure_editor_add(structure=s.a, user=s.colleague_a, by=s.director_a)  # twice: one row
    assert StructureEditor.objects.filter(user=s.colleague_a).count() == 1
    s.colleague_a = type(s.colleague_a).objects.get(pk=s.colleague_a.pk)  # fresh permission cache
    assert can_edit(s.colleague_a, s.space_a)
    assert can_edit(s.colleague_a, s.private_page_a)
    assert s.colleague_a.has_perm("wagtailadmin.access_admin")
    assert not can_edit(s.colleague_a, s.space_b)
    assert not can_edit(s.member_a, s.space_a)
    assert structure_editor_remove(structure=s.a, user=s.colleague_a)
    s.colleague_a = type(s.colleague_a).objects.get(pk=s.colleague_a.pk)
    assert not can_edit(s.colleague_a, s.space_a)


def test_only_a_person_of_the_structure_can_be_named(s):
    with pytest.raises(MembershipError, match="Seule une personne de la structure"):
        structure_editor_add(structure=s.a, user=s.member_b, by=s.director_a)


def test_reserved_page_and_document_only_for_the_structure_and_regional_editors(s):
    for user in (s.director_a, s.member_a, s.regional_editor):
        assert page_is_visible_to(s.private_page_a, user)
        assert document_is_visible_to(s.private_document_a, user)
    for user in (s.member_b, s.editor_b):
        assert not page_is_visible_to(s.private_page_a, user)
        assert not document_is_visible_to(s.private_document_a, user)
        assert page_is_visible_to(s.space_a, user)  # the space itself is the network's
        assert document_is_visible_to(s.public_document_a, user)


def test_changing_structure_moves_the_person_between_spaces(s):
    profile = s.member_a.profile
    profile.structure = s.b
    profile.save()
    assert not page_is_visible_to(s.private_page_a, s.member_a)
    assert s.member_a in s.space_b.members_group.user_set.all()


def test_new_director_gets_the_editor_rights(s):
    s.a.director = s.member_a
    s.a.save()
    editors = set(StructureSpacePage.objects.get(pk=s.space_a.pk).editors_group.user_set.all())
    assert editors == {s.member_a}


def test_space_page_shows_plan_documents_and_reserved_pages_to_its_people(client, s):
    client.force_login(s.member_a)
    text = client.get(s.space_a.url).content.decode()
    assert "Plaquette de présentation" in text
    assert "Budget prévisionnel confidentiel" in text
    assert "Espace réservé" in text
    assert "Gérer l’équipe éditoriale" not in text
    assert "Créer notre projet à partir de la trame" not in text


def test_space_page_hides_reserved_things_from_another_structure(client, s):
    client.force_login(s.member_b)
    text = client.get(s.space_a.url).content.decode()
    assert "Plaquette de présentation" in text
    for secret in ("Budget prévisionnel confidentiel", "Espace réservé", "Notes du comité"):
        assert secret not in text
    assert client.get(s.private_page_a.url).status_code == 404
    assert client.get(s.private_document_a.url).status_code in (403, 404)


def test_directory_links_each_structure_to_its_space(client, s):
    client.force_login(s.member_b)
    text = client.get(s.directory.url).content.decode()
    assert f'href="{s.space_a.url}"' in text


def test_director_names_and_removes_an_editor_from_the_team_page(client, s):
    client.force_login(s.director_a)
    url = f"/reseau/structures/{s.space_a.pk}/equipe/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Karim Haddad" in response.content.decode()
    for _twice in range(2):
        response = client.post(url + "ajouter/", {"person": s.colleague_a.pk}, follow=True)
    assert StructureEditor.objects.filter(structure=s.a, user=s.colleague_a).count() == 1
    assert "Karim Haddad est désormais éditeur" in response.content.decode()
    client.post(f"{url}{s.colleague_a.pk}/retirer/")
    assert not StructureEditor.objects.filter(structure=s.a).exists()


def test_team_page_refuses_bad_input_in_french(client, s):
    client.force_login(s.director_a)
    url = f"/reseau/structures/{s.space_a.pk}/equipe/ajouter/"
    response = client.post(url, {"person": s.member_b.pk}, follow=True)
    assert "Seule une personne de la structure" in response.content.decode()
    response = client.post(url, {"person": ""}, follow=True)
    assert "Choisissez la personne" in response.content.decode()
    assert client.post(url, {"person": "abc"}).status_code == 400
    assert not StructureEditor.objects.filter(structure=s.a).exists()


def test_regional_editor_may_name_editors_others_may_not(client, s):
    url = f"/reseau/structures/{s.space_a.pk}/equipe/"
    client.force_login(s.regional_editor)
    assert client.get(url).status_code == 200
    for user in (s.member_a, s.colleague_a, s.member_b, s.editor_b):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url + "ajouter/", {"person": user.pk}).status_code == 403
    assert not StructureEditor.objects.filter(structure=s.a).exists()


def test_structure_editor_sees_only_their_space_in_the_admin_explorer(client, s):
    structure_editor_add(structure=s.a, user=s.colleague_a, by=s.director_a)
    ContentPageFactory(parent=s.space_b, title="Page de Nevers", slug="page-nevers")
    client.force_login(s.colleague_a)
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(f"/admin/pages/{s.space_a.pk}/")
    text = response.content.decode()
    assert "Espace réservé" in text
    assert "Page de Nevers" not in text
    assert client.get(f"/admin/pages/{s.space_b.pk}/edit/").status_code in (302, 403)
    # The editor of another structure learns nothing of A's reserved page.
    client.force_login(s.editor_b)
    assert client.get(f"/admin/pages/{s.private_page_a.pk}/").status_code == 404
    response = client.get(f"/admin/documents/edit/{s.private_document_a.pk}/")
    assert response.status_code == 404


def test_structure_editor_document_chooser_offers_their_collections_only(client, s):
    structure_editor_add(structure=s.a, user=s.colleague_a, by=s.director_a)
    person("autre-b", s.b)
    client.force_login(s.editor_b)
    text = client.get("/admin/documents/chooser/").json()["html"]
    assert "Budget prévisionnel confidentiel" not in text
    assert "Plaquette de présentation" not in text
    client.force_login(s.colleague_a)
    text = client.get("/admin/documents/chooser/").json()["html"]
    assert "Budget prévisionnel confidentiel" in text
