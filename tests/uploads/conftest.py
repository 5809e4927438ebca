import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile

from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, UploadedFile
from wagtail.users.models import UserProfile

import pytest
from PIL import Image

from groups.models import Membership, Profile
from groups.services import membership_add
from home.roles import editors_group_sync
from resources.file_builders import build_pdf
from resources.models import DocumentVersion, ResourceDocument
from tests.factories import (
    NetworkDirectoryPageFactory,
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

from .corpus import SIZE_LIMIT


@dataclass
class UploadContext:
    user: object
    group: object
    collection: Collection


def jpeg(color="navy", size=(120, 90)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format="JPEG")
    return output.getvalue()


def media_checksums(root: Path) -> dict[str, str]:
    """Every stored file, by its path under MEDIA_ROOT, with its SHA-256."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def stored_rows(user) -> dict[str, object]:
    """What an upload may create: documents and their versions, images, files parked by
    the multiple uploader, and the user's own photos."""
    profile = Profile.objects.filter(user=user).first()
    admin_profile = UserProfile.objects.filter(user=user).first()
    return {
        "documents": ResourceDocument.objects.count(),
        "versions": DocumentVersion.objects.count(),
        "images": get_image_model().objects.count(),
        "uploaded_files": UploadedFile.objects.count(),
        "photo": profile.photo.name if profile else "",
        "avatar": admin_profile.avatar.name if admin_profile else "",
    }


@pytest.fixture
def upload_limits(settings):
    """The same small size limit on every path, so that "just over" and "just under" the
    limit are cheap files."""
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = SIZE_LIMIT
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = SIZE_LIMIT
    settings.TRAME_AVATAR_MAX_UPLOAD_SIZE = SIZE_LIMIT
    return SIZE_LIMIT


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def upload_context(home_page, media_root, upload_limits):
    """An editor (admin access, documents and images everywhere) who is a member of a
    working group, and the files already stored that no upload may touch: a group document,
    an image, a colleague's profile photo and admin profile picture."""
    NetworkDirectoryPageFactory(parent=home_page)
    group_index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=group_index, title="Référents Justice")
    user = ProfileFactory(
        user=UserFactory(username="editrice", first_name="Julie", last_name="Moreau")
    ).user
    user.groups.add(editors_group_sync())
    membership_add(group=group, user=user, role=Membership.Role.MEMBER)
    group.refresh_from_db()

    ResourceDocument(
        title="Compte rendu existant",
        file=ContentFile(build_pdf("Compte rendu", ["Décisions du groupe."]), name="cr.pdf"),
        collection=group.collection,
    ).save()
    get_image_model().objects.create(
        title="Logo", file=ContentFile(jpeg("teal"), name="logo.jpg"), width=120, height=90
    )
    colleague = ProfileFactory(user=UserFactory(username="collegue")).user
    colleague.profile.photo.save("collegue.jpg", ContentFile(jpeg("maroon")))
    UserProfile.get_for_user(colleague).avatar.save("collegue.jpg", ContentFile(jpeg("olive")))
    return UploadContext(user=user, group=group, collection=group.collection)


@pytest.fixture
def outsider_collection(db):
    """A collection of another group: only its own Django group may add to it."""
    collection = Collection.get_first_root_node().add_child(name="Groupe Direction")
    owners = Group.objects.create(name="Membres du groupe Direction")
    GroupCollectionPermission.objects.create(
        group=owners,
        collection=collection,
        permission=Permission.objects.get(
            content_type__app_label="wagtaildocs", codename="add_document"
        ),
    )
    return collection
