"""The search page through the real view and templates, with an in-memory engine."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.engines.base import Choice
from tests.search.fakes import DOCUMENT, NEWS, FakeEngine, entry

pytestmark = pytest.mark.django_db

EMPLOI = Choice("emploi", "Emploi")
SANTE = Choice("sante", "Santé")
MLD = Choice("ml-dijon", "Mission Locale de Dijon")
GUIDE = Choice("guide", "Guide")


def corpus():
    entries = [
        entry(
            "document:1",
            "Guide de l'insertion professionnelle",
            kind=DOCUMENT,
            body="Accompagner les jeunes vers l'insertion et l'emploi.",
            date=datetime.date(2025, 3, 14),
            thematics=(EMPLOI,),
            resource_type=GUIDE,
            structure=MLD,
            group=Choice("gt-emploi", "GT Emploi"),
            file_format="PDF",
            file_size=1_250_000,
        ),
        entry(
            "page:2",
            "Insertion et santé des jeunes",
            body="La santé comme levier d'insertion.",
            date=datetime.date(2024, 1, 5),
            thematics=(SANTE,),
        ),
        entry("page:3", "Actualité du réseau", kind=NEWS, body="Rien sur le sujet."),
    ]
    # Enough entries about "mobilite" for three pages of results.
    entries += [
        entry(
            f"page:{100 + n}",
            f"Mobilité fiche {n}",
            body="mobilite",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            thematics=(EMPLOI if n % 2 else SANTE,),
        )
        for n in range(25)
    ]
    return entries


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine(corpus())
    monkeypatch.setattr("search.views.get_engine", lambda: fake)
    return fake


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_result_shows_everything_a_professional_needs(professional_client, engine):
    response = professional_client.get("/recherche/", {"q": "insertion"})

    assert response.status_code == 200
    html = page_text(response)
    assert re.search(r'role="status"[^>]*> 2 résultats en \d+ ms', html)
    assert "Résultats pour « insertion »" in html
    # Type label, highlighted title link, snippet, thematics, structure, group, date, file.
    hit = html[html.index('<li class="search-hit">') :]
    assert '<p class="search-hit__kind">Document · Guide</p>' in hit
    assert (
        '<h3 class="search-hit__title"><a href="/document-1/">'
        "Guide de l&#x27;<mark>insertion</mark> professionnelle</a></h3>"
    ) in hit
    assert (
        '<p class="search-hit__snippet">Accompagner les jeunes vers l&#x27;<mark>insertion</mark>'
        " et l&#x27;emploi.</p>"
    ) in hit
    assert "<dt>Thématiques</dt><dd>Emploi</dd>" in hit
    assert "<dt>Structure</dt><dd>Mission Locale de Dijon</dd>" in hit
    assert "<dt>Groupe</dt><dd>GT Emploi</dd>" in hit
    assert '<time datetime="2025-03-14">14 mars 2025</time>' in hit
    assert re.search(r"<dt>Fichier</dt><dd>PDF, 1,2\sMio</dd>", hit)
    assert "<title>Recherche : insertion (2 résultats) · Trame</title>" in html


def test_hit_html_is_marked_but_the_rest_is_escaped(professional_client, monkeypatch):
    fake = FakeEngine([entry("page:9", "<script>alert(1)</script> insertion")])
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    html = professional_client.get("/recherche/", {"q": "insertion"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<mark>insertion</mark>" in html


def test_facets_are_checkboxes_in_fieldsets_with_counts(professional_client, engine):
    html = page_text(professional_client.get("/recherche/", {"q": "insertion"}))

    assert '<legend class="facet__legend">Thématique</legend>' in html
    assert re.search(
        r'<input type="checkbox" id="facet-thematique-\d" name="thematique" value="emploi">'
        r' <label for="facet-thematique-\d">Emploi <span class="facet__count">\(1',
        html,
    )
    assert "Appliquer les filtres" in html
    assert '<select id="search-sort" name="tri">' in html


def test_facets_combine_and_stay_checked(professional_client, engine):
    response = professional_client.get(
        "/recherche/", {"q": "mobilite", "thematique": ["emploi", "sante"], "type": "resource"}
    )

    assert engine.requests[-1].filters == {
        "kind": ("resource",),
        "thematic": ("emploi", "sante"),
    }
    html = page_text(response)
    assert re.search(r'name="thematique" value="emploi" checked', html)
    assert re.search(r'name="thematique" value="sante" checked', html)
    assert "25 résultats" in html
    # Removing one filter keeps the others.
    assert 'href="?q=mobilite&amp;type=resource&amp;thematique=sante"' in html


def test_pagination_and_sort_keep_the_facets(professional_client, engine):
    response = professional_client.get(
        "/recherche/", {"q": "mobilite", "thematique": "emploi", "tri": "date", "page": 2}
    )

    html = page_text(response)
    assert engine.requests[-1].sort == "date"
    assert engine.requests[-1].page == 2
    # 12 results about emploi: 2 pages.
    assert "12 résultats en" in html
    assert 'aria-label="Pages de résultats"' in html
    assert 'href="?q=mobilite&amp;thematique=emploi&amp;tri=date" rel="prev"' in html
    assert (
        '<a href="?q=mobilite&amp;thematique=emploi&amp;tri=date&amp;page=2" aria-current="page">'
        in html
    )
    assert '<option value="date" selected>' in html
    # Clearing the filters keeps the words and the sort.
    assert 'href="?q=mobilite&amp;tri=date">Effacer les filtres</a>' in html


def test_a_page_beyond_the_last_shows_the_last_page(professional_client, engine):
    response = professional_client.get("/recherche/", {"q": "mobilite", "page": 99})

    assert response.status_code == 200
    html = page_text(response)
    assert "25 résultats en" in html
    assert "page 3 sur 3" in html
    # Page 3 holds the last 5 of the 25 results, in the order the engine gives them.
    assert html.count('<li class="search-hit">') == 5
    assert "<mark>Mobilité</mark> fiche 24</a>" in html
    assert [r.page for r in engine.requests] == [99, 3]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "emploi", "page": "abc"}, "Le numéro de page doit être un nombre entier."),
        ({"q": "emploi", "page": "-3"}, "Le numéro de page doit être supérieur ou égal à 1."),
        ({"q": "emploi", "page": "0"}, "Le numéro de page doit être supérieur ou égal à 1."),
        ({"q": "emploi", "tri": "foo"}, "Ordre de tri inconnu : « foo »."),
        (
            {"q": "emploi", "thematique": "<script>"},
            "« &lt;script&gt; » n’est pas une valeur de filtre valide.",
        ),
        ({"q": "emploi", "annee": "2024 OR 1=1"}, "n’est pas une valeur de filtre valide."),
    ],
)
def test_an_invalid_parameter_is_a_400_explained_in_french(
    professional_client, engine, params, message
):
    response = professional_client.get("/recherche/", params)

    assert response.status_code == 400
    html = page_text(response)
    assert "Cette recherche ne peut pas être lancée" in html
    assert message in html
    assert 'href="/recherche/">Faire une nouvelle recherche</a>' in html
    assert "<script>" not in html.split("<main")[1]
    assert engine.requests == []


ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "!!! ??? ...",
    "\"contrat d'engagement",
    '" * OR NEAR : \\',
    "insertion 🎉 😀",
    "insertion\x00 emploi",
    "-",
    "le la les",
]


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_odd_input_answers_a_sensible_page(professional_client, engine, query):
    response = professional_client.get("/recherche/", {"q": query})

    assert response.status_code == 200
    html = page_text(response)
    assert "<h1>" in html
    for request in engine.requests:
        # Only letters and digits ever reach an engine.
        for requirement in request.query.required:
            for clause in requirement.alternatives:
                assert all(term.isalnum() for term in clause.terms)


def test_a_null_byte_in_the_url_is_not_an_error(professional_client, engine):
    response = professional_client.get("/recherche/?q=insertion%00")

    assert response.status_code == 200
    assert "2 résultats en" in page_text(response)


def test_emoji_query_finds_the_words_around_it(professional_client, engine):
    html = page_text(professional_client.get("/recherche/", {"q": "insertion 🎉"}))
    assert "2 résultats en" in html


def test_an_empty_query_shows_the_form_without_searching(professional_client, engine):
    response = professional_client.get("/recherche/")

    assert response.status_code == 200
    html = page_text(response)
    assert "Que cherchez-vous ?" in html
    assert engine.requests == []


def test_punctuation_only_says_there_is_nothing_to_search(professional_client, engine):
    html = page_text(professional_client.get("/recherche/", {"q": "?!;"}))

    assert "« ?!; » ne contient aucun mot à rechercher." in html
    assert engine.requests == []


def test_no_result_offers_a_spelling_suggestion_and_clearing_filters(
    professional_client, monkeypatch
):
    fake = FakeEngine(corpus(), suggestion="insertion")
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    response = professional_client.get("/recherche/", {"q": "insertoin", "thematique": "emploi"})

    assert response.status_code == 200
    html = page_text(response)
    assert "Aucun résultat pour « insertoin »." in html
    assert 'Vouliez-vous dire <a href="?q=insertion&amp;thematique=emploi">insertion</a> ?' in html
    assert 'href="?q=insertoin">Effacer les filtres et chercher partout</a>' in html
    assert re.search(r'role="status"[^>]*> Aucun résultat en \d+ ms', html)


def test_a_degraded_answer_shows_a_discreet_notice(professional_client, monkeypatch):
    fake = FakeEngine(corpus(), degraded=True)
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    html = page_text(professional_client.get("/recherche/", {"q": "insertion"}))

    assert (
        "La recherche avancée est momentanément indisponible : résultats de la recherche simple."
        in html
    )
    assert "2 résultats en" in html


def test_an_engine_crash_is_a_french_page_not_a_500(professional_client, monkeypatch):
    fake = FakeEngine(corpus(), error=RuntimeError("index corrompu"))
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    response = professional_client.get("/recherche/", {"q": "insertion"})

    assert response.status_code == 503
    assert "La recherche est momentanément indisponible." in page_text(response)


def test_the_query_is_kept_in_both_search_boxes(professional_client, engine):
    html = professional_client.get("/recherche/", {"q": 'emploi "jeunes"'}).content.decode()

    # The header box, the page's box and the filters form's hidden field.
    assert html.count('value="emploi &quot;jeunes&quot;"') == 3


def test_the_search_page_needs_a_login(client, engine):
    response = client.get("/recherche/", {"q": "insertion"})

    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_the_page_costs_the_same_queries_for_one_hit_or_a_full_page(
    professional_client, monkeypatch
):
    """Around the engine, the page reads picks and writes the analytics: a fixed number of
    queries, whatever the number of hits (the engine's own queries are its business)."""

    def queries_for(entries, query):
        fake = FakeEngine(entries)
        monkeypatch.setattr("search.views.get_engine", lambda: fake)
        professional_client.get("/recherche/", {"q": "warmup"})  # session, caches
        with CaptureQueriesContext(connection) as captured:
            response = professional_client.get("/recherche/", {"q": query})
        assert response.status_code == 200
        return len(captured)

    one = queries_for([entry("page:1", "Unique mobilité")], "unique")
    many = queries_for(corpus(), "mobilite")
    assert one == many
