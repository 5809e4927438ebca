import io

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

import pytest
from PIL import Image

from groups.models import Membership
from groups.services import membership_add
from home.roles import editors_group_sync
from tests.factories import (
    MeetingPageFactory,
    NewsPageFactory,
    ProfileFactory,
    ThematicFactory,
    ThematicHubPageFactory,
    ThematicIndexPageFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


@pytest.fixture
def group_index(home_page):
    return WorkingGroupIndexPageFactory(parent=home_page)


@pytest.fixture
def justice(db):
    return ThematicFactory(name="Justice", slug="justice")


@pytest.fixture
def hub(home_page, justice):
    index = ThematicIndexPageFactory(parent=home_page)
    return ThematicHubPageFactory(parent=index, thematic=justice, title="Justice")


def make_person(username, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs)).user


@pytest.fixture
def lead(db):
    return make_person("animatrice", first_name="Nadia", last_name="Benali")


@pytest.fixture
def member(db):
    return make_person("membre", first_name="Paul", last_name="Durand")


@pytest.fixture
def outsider(db):
    return make_person("exterieur", first_name="Léa", last_name="Petit")


@pytest.fixture
def editor(db):
    user = make_person("editrice", first_name="Julie", last_name="Moreau")
    user.groups.add(editors_group_sync())
    return user


def add_document(group, title="Compte rendu secret"):
    document = get_document_model()(
        title=title, file=ContentFile(b"contenu du document", name="compte-rendu.txt"),
        collection=group.collection,
    )  # fmt: skip
    document.save()
    return document


@pytest.fixture
def private_group(group_index, justice, lead, member, news_index, event_index):
    """A members-only group with a meeting, a news item and a document."""
    group = WorkingGroupPageFactory(
        parent=group_index, title="Référents Justice", slug="referents-justice",
        visibility="members",
    )  # fmt: skip
    group.thematics.add(justice)
    group.save()  # a parental many-to-many is written on save
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    membership_add(group=group, user=member)
    group.meeting = MeetingPageFactory(
        parent=group, title="Réunion confidentielle", first_published_at=timezone.now()
    )
    group.news = NewsPageFactory(
        parent=group, title="Nouvelle confidentielle", first_published_at=timezone.now()
    )
    group.document = add_document(group)
    return group


@pytest.fixture
def open_group(group_index, justice, lead, news_index, event_index):
    group = WorkingGroupPageFactory(
        parent=group_index, title="Référents entreprises", slug="referents-entreprises"
    )
    group.thematics.add(justice)
    group.save()  # a parental many-to-many is written on save
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    group.news = NewsPageFactory(
        parent=group, title="Nouvelle ouverte", first_published_at=timezone.now()
    )
    group.document = add_document(group, title="Guide ouvert")
    return group


def jpeg_file(name: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def private_image(private_group, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return get_image_model().objects.create(
        title="Photo secrète",
        file=jpeg_file("photo-secrete.jpg"),
        collection=private_group.collection,
        width=40,
        height=30,
    )


@pytest.fixture
def other_lead(group_index, private_group):
    """The lead of another members-only group, who may choose images anywhere."""
    lead = make_person("animateur-y", first_name="Yves", last_name="Martin")
    group = WorkingGroupPageFactory(
        parent=group_index, title="Référents logement", slug="referents-logement",
        visibility="members",
    )  # fmt: skip
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    GroupCollectionPermission.objects.create(
        group=group.leads_group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="choose_image"),
    )
    return lead
