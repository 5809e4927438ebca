"""The library's query string and the document URLs: a value that cannot be a facet is a
French 400 naming the parameter, an ID out of range a 404, never a server error (20 digits in
`structure` or `annee` made SQLite raise OverflowError)."""

import pytest

from home.roles import editors_group_sync
from tests.factories import ResourcePageFactory, StructureFactory, UserFactory

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "99999999999999999999"


@pytest.fixture
def resource(library):
    return ResourcePageFactory(
        parent=library, title="Guide de l'alternance", producing_structure=StructureFactory()
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"structure": TWENTY_DIGITS}, "Structure productrice : Assurez-vous que cette valeur"),
        ({"structure": str(2**63)}, "Structure productrice : Assurez-vous que cette valeur"),
        ({"structure": "-3"}, "Structure productrice : Assurez-vous que cette valeur"),
        ({"structure": "abc"}, "Structure productrice : Saisissez un nombre entier."),
        ({"annee": TWENTY_DIGITS}, "Année : Assurez-vous que cette valeur"),
        ({"annee": "99999"}, "Année : Assurez-vous que cette valeur"),
        ({"annee": "deux-mille"}, "Année : Saisissez un nombre entier."),
        ({"type": "a\x00b"}, "Type de ressource : Le caractère nul n’est pas autorisé."),
        ({"tri": "hasard"}, "Tri : Sélectionnez un choix valide."),
        ({"page": "abc"}, "Page : Le numéro de page doit être un nombre entier."),
        ({"page": TWENTY_DIGITS}, "Page : Le numéro de page doit être inférieur ou égal"),
    ],
)
def test_a_filter_that_cannot_be_read_is_a_400_that_names_it(
    professional_client, resource, params, message
):
    response = professional_client.get("/ressources/", params)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Requête invalide" in html
    assert message in html


def test_an_unknown_structure_finds_nothing(professional_client, resource):
    response = professional_client.get("/ressources/", {"structure": str(2**63 - 1)})

    assert response.status_code == 200
    assert "Guide de l&#x27;alternance" not in response.content.decode()


def test_a_page_beyond_the_last_shows_the_last_one(professional_client, resource):
    response = professional_client.get("/ressources/", {"page": "500"})

    assert response.status_code == 200
    assert "Guide de l&#x27;alternance" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        f"/documents/versions/{TWENTY_DIGITS}/guide.pdf",
        f"/documents/versions/{2**63}/guide.pdf",
        "/documents/versions/0/guide.pdf",
        f"/documents/vignettes/{TWENTY_DIGITS}.png",
        "/documents/vignettes/-1.png",
    ],
)
def test_a_document_id_out_of_range_is_not_found(professional_client, url):
    assert professional_client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("days", "message"),
    [("8", "Période : Sélectionnez un choix valide."), (TWENTY_DIGITS, "Période : Sélectionnez")],
)
def test_the_visibility_report_refuses_a_period_it_does_not_offer(client, days, message):
    editor = UserFactory(username="editrice")
    editor.groups.add(editors_group_sync())
    client.force_login(editor)

    response = client.get("/admin/reports/visibilite-des-ressources/", {"jours": days})

    assert response.status_code == 400
    assert message in response.content.decode()
