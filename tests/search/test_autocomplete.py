"""The header box's suggestions endpoint: JSON, private, and never an error."""

import pytest

from search.engines.base import Choice
from tests.search.fakes import PERSON, FakeEngine, entry

pytestmark = pytest.mark.django_db

URL = "/recherche/suggestions/"


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine(
        [
            entry("page:1", "Équipe mobilité", url="/equipe-mobilite/"),
            entry("person:3", "Émilie Martin", kind=PERSON, url="/reseau/personnes/3/"),
            entry("page:2", "Emploi des jeunes", url="/emploi/"),
            entry("page:4", "Groupe fermé", url="/ferme/", locks=("p999999",)),
        ]
    )
    monkeypatch.setattr("search.views.get_engine", lambda: fake)
    return fake


def test_suggestions_are_json_with_label_url_and_kind(professional_client, engine):
    response = professional_client.get(URL, {"q": "em"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "suggestions": [
            {"label": "Émilie Martin", "url": "/reseau/personnes/3/", "kind": "Personne"},
            {"label": "Emploi des jeunes", "url": "/emploi/", "kind": "Ressource"},
        ]
    }
    assert engine.prefixes == ["em"]


def test_suggestions_are_private_to_the_user(professional_client, engine):
    response = professional_client.get(URL, {"q": "equipe"})

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_one_character_asks_nothing(professional_client, engine):
    response = professional_client.get(URL, {"q": "e"})

    assert response.json() == {"suggestions": []}
    assert engine.prefixes == []


@pytest.mark.parametrize(
    "prefix",
    ["", "  ", "!!!", '" * OR NEAR : \\', "🎉🎉", "\x00\x00", "x" * 10_000, "éq\x00uipe"],
)
def test_odd_input_gives_a_list_never_an_error(professional_client, engine, prefix):
    response = professional_client.get(URL, {"q": prefix})

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
    for sent in engine.prefixes:
        assert "\x00" not in sent
        assert len(sent) <= 100


def test_null_byte_in_the_url(professional_client, engine):
    response = professional_client.get(URL + "?q=%00%00")

    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


def test_an_engine_failure_gives_an_empty_list(professional_client, monkeypatch):
    fake = FakeEngine([entry("page:1", "Emploi")], error=ConnectionError("cluster down"))
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    response = professional_client.get(URL, {"q": "emploi"})

    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


def test_suggestions_need_a_login(client, engine):
    response = client.get(URL, {"q": "emploi"})

    assert response.status_code == 302
    assert engine.prefixes == []


def test_the_header_box_points_to_the_suggestions(professional_client, engine):
    html = professional_client.get("/").content.decode()

    assert 'data-autocomplete-url="/recherche/suggestions/"' in html
    assert 'action="/recherche/"' in html
    assert 'src="/static/js/search-autocomplete.js" defer' in html
    assert "utilisez les flèches haut et bas" in html


def test_kind_labels_come_from_the_engine(professional_client, monkeypatch):
    group = Choice("group", "Groupe de travail")
    fake = FakeEngine([entry("page:7", "GT Mobilité", kind=group, url="/gt/")])
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    response = professional_client.get(URL, {"q": "gt"})

    assert response.json()["suggestions"][0]["kind"] == "Groupe de travail"
