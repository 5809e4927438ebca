"""Memberships, profiles and structures changed over HTTP are searchable at once."""

import pytest

from groups.models import Profile
from tests.search.committed.seen import (
    ANCHOR_ONLY,
    GROUP,
    KIND,
    PRIVATE_GROUP,
    SHARED,
    STRUCTURE,
    assert_does_not_find,
    assert_finds,
    facets,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
