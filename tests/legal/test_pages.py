"""The legal pages: created once from their starter texts, editable, rendered with the
headings the RGAA and the GDPR require; the footer's accessibility mention follows the
statement's status."""

import html

from django.utils.html import strip_tags

import pytest

from legal.models import AccessibilityPage, ConformityStatus, PrivacyPage
from legal.setup import ensure_legal_pages

RGAA_HEADINGS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Dérogations pour charge disproportionnée",
    "Environnement de test",
    "Retour d'information et contact",
    "Voies de recours",
    "Défenseur des droits",
]
PRIVACY_HEADINGS = [
    "Responsable du traitement",
    "Finalités",
    "Bases légales",
    "Durées de conservation",
    "Vos droits et comment les exercer",
    "CNIL",
]


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def test_legal_pages_are_created_once_and_left_as_editors_made_them(home_page):
    pages = ensure_legal_pages(home_page)
    statement = pages["accessibilite"]
    statement.title = "Notre déclaration"
    statement.save_revision().publish()

    again = ensure_legal_pages(home_page)

    assert {page.pk for page in again.values()} == {page.pk for page in pages.values()}
    assert AccessibilityPage.objects.get().title == "Notre déclaration"
    assert [page.url for page in pages.values()] == [
        "/accessibilite/",
        "/accessibilite/schema-pluriannuel/",
        "/confidentialite/",
        "/mentions-legales/",
    ]


def test_accessibility_statement_shows_every_rgaa_heading(professional_client, legal_pages):
    response = professional_client.get("/accessibilite/")
    assert response.status_code == 200
    text = text_of(response)
    for heading in RGAA_HEADINGS:
        assert heading in text, heading
    assert "Signaler un problème d'accessibilité" in text
    assert "Schéma pluriannuel de mise en accessibilité" in text


def test_multi_year_plan_renders(professional_client, legal_pages):
    response = professional_client.get("/accessibilite/schema-pluriannuel/")
    assert response.status_code == 200
    assert "Période : 2025-2027" in text_of(response)


def test_privacy_policy_names_the_controller_purposes_rights_and_cnil(
    professional_client, legal_pages
):
    text = text_of(professional_client.get("/confidentialite/"))
    for heading in PRIVACY_HEADINGS:
        assert heading in text, heading
    assert "association régionale des Missions Locales (ARML)" in text
    assert "Mes données" in text


def test_legal_notices_render(professional_client, legal_pages):
    text = text_of(professional_client.get("/mentions-legales/"))
    assert "Éditeur" in text and "Hébergement" in text


def test_a_new_statement_starts_from_the_template():
    assert "Voies de recours" in AccessibilityPage().body
    assert "Réclamation auprès de la CNIL" in PrivacyPage().body


def test_footer_of_every_page_shows_the_status_and_legal_links(
    professional_client, legal_pages, site_pages
):
    for page in [*site_pages.values(), legal_pages["mentions-legales"]]:
        response = professional_client.get(page.url)
        text = text_of(response)
        assert "Accessibilité : partiellement conforme" in text, page.url
        html = response.content.decode()
        for href in ('href="/accessibilite/"', 'href="/plan-du-site/"',
                     'href="/mentions-legales/"', 'href="/confidentialite/"'):  # fmt: skip
            assert href in html, (page.url, href)


def test_footer_follows_the_status_editors_set(professional_client, legal_pages):
    statement = legal_pages["accessibilite"]
    statement.conformity_status = ConformityStatus.FULL
    statement.save_revision().publish()

    text = text_of(professional_client.get("/"))

    assert "Accessibilité : totalement conforme" in text
    assert "partiellement conforme" not in text


def test_footer_without_a_statement_still_shows_the_declared_status(professional_client):
    assert "Accessibilité : partiellement conforme" in text_of(professional_client.get("/"))


@pytest.mark.parametrize("url", ["/accessibilite/", "/confidentialite/", "/plan-du-site/"])
def test_legal_pages_need_a_login_like_the_rest_of_the_intranet(client, legal_pages, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
