"""The library's PDF: the same filters and the same visibility as /ressources/, bounded."""

import io

import pytest
from pypdf import PdfReader

from resources import pdf as library_pdf_module
from tests.factories import UserFactory

from .test_library import catalogue  # noqa: F401 (the fixture of the library's tests)

pytestmark = pytest.mark.django_db

VISIBLE = ["Guide justice", "Guide emploi", "Fiche emploi", "Trame justice"]


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_lists_what_the_library_lists_and_nothing_private(professional_client, catalogue):  # noqa: F811
    text = pdf_text(professional_client.get("/ressources/pdf/"))
    assert all(title in text for title in VISIBLE)
    assert "Compte-rendu réservé" not in text
    assert "4 ressources" in text
    # Newest first, as on the library page.
    assert [text.index(title) for title in VISIBLE] == sorted(text.index(t) for t in VISIBLE)


def test_a_member_finds_the_private_resource_in_the_pdf(client, catalogue, members_group):  # noqa: F811
    member = UserFactory()
    member.groups.add(members_group)
    client.force_login(member)
    assert "Compte-rendu réservé" in pdf_text(client.get("/ressources/pdf/"))


def test_the_pdf_follows_the_filters_and_says_which(professional_client, catalogue):  # noqa: F811
    text = pdf_text(professional_client.get("/ressources/pdf/?type=guide&thematique=justice"))
    assert "Guide justice" in text
    assert "Guide emploi" not in text
    assert "Compte-rendu réservé" not in text
    assert "1 ressource" in text
    assert "Type de ressource : Guide" in text


def test_the_library_offers_the_pdf_of_its_filters(professional_client, catalogue):  # noqa: F811
    html = professional_client.get("/ressources/?type=guide").content.decode()
    assert 'href="/ressources/pdf/?type=guide"' in html


def test_too_many_resources_ask_for_narrower_filters(
    professional_client,
    catalogue,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setattr(library_pdf_module, "MAX_RESOURCES_IN_PDF", 2)
    response = professional_client.get("/ressources/pdf/?thematique=emploi", follow=True)
    assert response.redirect_chain == [("/ressources/?thematique=emploi", 302)]
    html = response.content.decode()
    assert "3 ressources correspondent à ces filtres : un PDF en contient 2 au plus." in html
    # Narrower filters fit.
    assert "Guide justice" in pdf_text(professional_client.get("/ressources/pdf/?type=guide"))


def test_a_wrong_filter_is_a_clear_error(professional_client, catalogue):  # noqa: F811
    response = professional_client.get("/ressources/pdf/?annee=deux-mille")
    assert response.status_code == 400
    assert "Année" in response.content.decode()
