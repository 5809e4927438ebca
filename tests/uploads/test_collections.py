"""An upload into a collection the user may not add to is refused before anything is
written: no document, no file parked by the multiple uploader, no file on disk."""

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, GroupCollectionPermission

import pytest

from groups.models import Membership
from groups.services import membership_add
from resources.models import ResourceDocument
from tests.factories import ProfileFactory, UserFactory, WorkingGroupPageFactory

from .conftest import UploadContext, media_checksums, stored_rows
from .corpus import sample_pdf
from .paths import admin_document_multiple, admin_document_single, document_chooser_upload

pytestmark = pytest.mark.django_db

FORBIDDEN = "Vous ne pouvez pas ajouter de fichiers à cette collection : rien n’a été enregistré."


@pytest.fixture
def member(upload_context):
    """A plain member of the working group, given access to the admin: they may add
    documents to their group's collection only."""
    user = ProfileFactory(user=UserFactory(username="membre")).user
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    membership_add(group=upload_context.group, user=user, role=Membership.Role.MEMBER)
    return user


@pytest.fixture
def second_group_collection(member, upload_context):
    """A second collection the member may add to, so that Wagtail shows (and validates)
    the collection field instead of dropping it."""
    other = WorkingGroupPageFactory(parent=upload_context.group.get_parent(), title="Emploi")
    membership_add(group=other, user=member, role=Membership.Role.MEMBER)
    other.refresh_from_db()
    return other.collection


@pytest.mark.parametrize(
    "upload", [admin_document_single, admin_document_multiple, document_chooser_upload]
)
@pytest.mark.parametrize("collections_allowed", ["one", "several"])
def test_an_admin_upload_into_a_forbidden_collection_writes_nothing(
    client, upload_context, member, outsider_collection, media_root, request, upload,
    collections_allowed,
):  # fmt: skip
    if collections_allowed == "several":
        request.getfixturevalue("second_group_collection")
    client.force_login(member)
    files_before, rows_before = media_checksums(media_root), stored_rows(member)
    forbidden = UploadContext(
        user=member, group=upload_context.group, collection=outsider_collection
    )

    answer = upload(client, forbidden, "rapport.pdf", sample_pdf())

    assert answer.status == 200
    assert not answer.accepted
    assert FORBIDDEN in answer.text
    assert stored_rows(member) == rows_before
    assert media_checksums(media_root) == files_before
    assert not ResourceDocument.objects.filter(collection=outsider_collection).exists()


def test_the_same_member_may_upload_into_their_group_collection(
    client, upload_context, member, media_root
):
    client.force_login(member)
    answer = admin_document_multiple(client, upload_context, "rapport.pdf", sample_pdf())
    assert answer.accepted
    assert ResourceDocument.objects.filter(collection=upload_context.collection).count() == 2


@pytest.mark.parametrize("other_collection", [True, False])
def test_a_group_space_upload_without_the_collection_permission_writes_nothing(
    client, upload_context, member, media_root, other_collection
):
    """Membership and collection permissions out of step (a permission removed by hand):
    the file is refused, neither stored in whichever collection the member may add to nor
    answered by a server error when there is none."""
    GroupCollectionPermission.objects.filter(collection=upload_context.collection).delete()
    if other_collection:
        GroupCollectionPermission.objects.create(
            group=upload_context.group.members_group,
            collection=Collection.get_first_root_node().add_child(name="Autre collection"),
            permission=Permission.objects.get(codename="add_document"),
        )
    client.force_login(member)
    files_before, rows_before = media_checksums(media_root), stored_rows(member)

    response = client.post(
        f"/reseau/groupes/{upload_context.group.pk}/documents/",
        {"title": "Relevé", "file": SimpleUploadedFile("releve.pdf", sample_pdf())},
        follow=True,
    )

    assert response.status_code == 200
    assert f"Le document n’a pas été enregistré : {FORBIDDEN}" in response.content.decode()
    assert stored_rows(member) == rows_before
    assert media_checksums(media_root) == files_before
