"""A resource published in a members-only group's space stays inside the group."""

import pytest

from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_resource(home_page, private_group):
    ResourceIndexPageFactory(parent=home_page)
    return ResourcePageFactory(parent=private_group, title="Trame d'entretien confidentielle")


def test_members_find_the_group_resource_in_the_library(client, member, group_resource):
    client.force_login(member)
    assert client.get(group_resource.url).status_code == 200
    assert "Trame d&#x27;entretien confidentielle" in client.get("/ressources/").content.decode()


def test_outsiders_see_it_neither_in_the_library_nor_by_its_url(client, outsider, group_resource):
    client.force_login(outsider)
    assert client.get(group_resource.url).status_code == 404
    library = client.get("/ressources/").content.decode()
    assert "entretien confidentielle" not in library
    assert "Trame d&#x27;entretien" not in client.get("/").content.decode()
