from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from resources.models import ResourceDocument
from tests.factories import ResourceIndexPageFactory


def make_document(filename: str, data: bytes, *, title: str = "", collection=None):
    """Upload a file as a document (its extraction runs at once with the test task backend)."""
    document = ResourceDocument(
        title=title or filename,
        file=ContentFile(data, name=filename),
        collection=collection or Collection.get_first_root_node(),
    )
    document.save()
    document.refresh_from_db()
    return document


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def members_group(db):
    return Group.objects.create(name="Membres du groupe Justice")


@pytest.fixture
def private_collection(members_group):
    """A group's collection, viewable by its members only."""
    collection = Collection.get_first_root_node().add_child(name="Groupe Justice")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(members_group)
    return collection
