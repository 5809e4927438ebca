"""The table « domaine de courriel → structure »: editors manage it in the admin, nobody
else sees it; a domain is stored without @ nor capitals, and bad input is said in French."""

import pytest

from home.roles import editors_group_sync
from sso.models import EmailDomainStructure
from tests.factories import UserFactory
from tests.factories.groups import StructureFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/sso/emaildomainstructure/"
ADD_URL = f"{LIST_URL}add/"


@pytest.fixture
def structure(db):
    return StructureFactory(name="Mission Locale de Dijon")


@pytest.fixture
def editor_client(client, home_page):
    editor = UserFactory(username="editrice")
    editor.groups.add(editors_group_sync())
    client.force_login(editor)
    return client


def test_an_editor_adds_a_domain_typed_with_an_at_sign_and_capitals(editor_client, structure):
    response = editor_client.post(ADD_URL, {"domain": " @ML-Dijon.fr ", "structure": structure.pk})

    assert response.status_code == 302
    assert EmailDomainStructure.objects.get().domain == "ml-dijon.fr"
    listing = editor_client.get(LIST_URL).content.decode()
    assert "ml-dijon.fr" in listing


def test_a_malformed_domain_is_refused_in_french_and_nothing_is_saved(editor_client, structure):
    response = editor_client.post(ADD_URL, {"domain": "pas un domaine", "structure": structure.pk})

    assert response.status_code == 200
    assert "Saisissez un nom de domaine" in response.content.decode()
    assert not EmailDomainStructure.objects.exists()


def test_a_domain_maps_to_one_structure_only(editor_client, structure):
    EmailDomainStructure.objects.create(domain="ml-dijon.fr", structure=structure)
    other = StructureFactory(name="Mission Locale de Beaune")

    response = editor_client.post(ADD_URL, {"domain": "ml-dijon.fr", "structure": other.pk})

    assert response.status_code == 200
    assert EmailDomainStructure.objects.get().structure == structure


@pytest.mark.parametrize("url", [LIST_URL, ADD_URL])
def test_a_professional_cannot_see_or_edit_the_table(client, home_page, structure, url):
    client.force_login(UserFactory(username="professionnelle"))

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert "ml-dijon" not in response.content.decode()
