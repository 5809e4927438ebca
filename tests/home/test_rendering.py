from django.urls import reverse
from django.utils.html import strip_tags

import pytest

from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_key", "expected"),
    [
        ("home", "Bonjour Thomas"),
        ("news_index", "Ouverture de l&#x27;intranet"),
        ("news", "Ouverture de l&#x27;intranet"),
        ("event_index", "Comité des directions"),
        ("event", "Ajouter à mon agenda"),
        ("content", "Le réseau"),
    ],
)
def test_every_page_type_renders_in_french(professional_client, site_pages, page_key, expected):
    response = professional_client.get(site_pages[page_key].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert expected in html


def test_base_layout_has_landmarks_and_skip_link(professional_client, site_pages):
    html = professional_client.get("/").content.decode()
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
    assert 'id="contenu"' in html and "<main" in html
    assert 'role="search"' in html
    assert "<footer" in html
    assert 'aria-label="Navigation principale"' in html


def test_breadcrumbs_lead_back_home(professional_client, site_pages):
    html = professional_client.get(site_pages["news"].url).content.decode()
    assert 'aria-label="Fil d’Ariane"' in html
    assert '<a href="/">Accueil</a>' in html
    assert '<a href="/actualites/">Actualités</a>' in html


def test_home_page_shows_empty_states_until_content_exists(professional_client, home_page):
    html = professional_client.get("/").content.decode()
    assert "Aucune actualité pour le moment" in html
    assert "Aucun événement à venir" in html
    assert "Aucune ressource publiée pour le moment" in html
    assert "Vous n’êtes membre d’aucun groupe de travail" in html


def test_unknown_page_gives_a_french_404(professional_client, home_page):
    response = professional_client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_search_finds_a_page_by_its_title(professional_client, site_pages):
    rebuild_search_index()
    response = professional_client.get(reverse("search"), {"q": "directions"})
    assert response.status_code == 200
    # Tags stripped: the matched word is marked.
    assert "Comité des directions" in strip_tags(response.content.decode())
