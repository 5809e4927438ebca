"""Pages published, unpublished, deleted, moved or restricted in the admin are found, or
hidden, at once."""

import pytest

from tests.search.committed.seen import (
    ANCHOR_ONLY,
    GROUP,
    KIND,
    PRIVATE_GROUP,
    SHARED,
    assert_does_not_find,
    assert_everyone_finds,
    assert_finds,
    facets,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
