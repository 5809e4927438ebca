import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from resources.file_builders import build_docx, build_odt, build_pdf
from resources.models import ResourcePageDocument, ResourceType
from tests.factories import (
    ResourcePageFactory,
    StructureFactory,
    ThematicFactory,
)

from .conftest import make_document

pytestmark = pytest.mark.django_db

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}


def add_resource(library, *, title, kind, thematics=(), structure=None, year=2024, fmt="pdf"):
    resource = ResourcePageFactory(
        parent=library,
        title=title,
        resource_type=ResourceType.objects.get(slug=kind),
        producing_structure=structure,
        publication_date=datetime.date(year, 3, 1),
    )
    resource.thematics.set(thematics)
    resource.save_revision().publish()
    document = make_document(f"{title}.{fmt}", BUILDERS[fmt](title, ["Texte de la ressource."]))
    ResourcePageDocument.objects.create(page=resource, document=document)
    return resource


@pytest.fixture
def catalogue(library, members_group):
    emploi = ThematicFactory(name="Emploi", slug="emploi")
    justice = ThematicFactory(name="Justice", slug="justice")
    dijon = StructureFactory(name="Mission Locale de Dijon", short_name="ML Dijon")
    arml = StructureFactory(name="ARML", short_name="ARML")
    resources = [
        add_resource(
            library,
            title="Guide emploi",
            kind="guide",
            thematics=[emploi],
            structure=dijon,
            year=2024,
        ),
        add_resource(
            library,
            title="Fiche emploi",
            kind="fiche-pratique",
            thematics=[emploi],
            structure=arml,
            year=2023,
            fmt="docx",
        ),
        add_resource(
            library,
            title="Guide justice",
            kind="guide",
            thematics=[justice, emploi],
            structure=arml,
            year=2024,
            fmt="odt",
        ),
        add_resource(
            library,
            title="Trame justice",
            kind="modele-trame",
            thematics=[justice],
            structure=dijon,
            year=2022,
        ),
    ]
    secret = add_resource(
        library, title="Compte-rendu réservé", kind="guide", thematics=[justice], structure=dijon
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group)
    return {"resources": resources, "secret": secret, "dijon": dijon, "arml": arml}


def listed_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def facet_counts(html, param):
    select = re.search(rf'<select id="filtre-{param}" name="{param}">(.*?)</select>', html, re.S)
    return {
        value: int(count)
        for value, count in re.findall(
            r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select.group(1)
        )
    }


def test_the_library_lists_what_the_user_may_view_newest_first(professional_client, catalogue):
    html = professional_client.get("/ressources/").content.decode()
    assert listed_titles(html) == ["Guide justice", "Guide emploi", "Fiche emploi", "Trame justice"]
    assert "Compte-rendu réservé" not in html
    assert "4 ressources" in html
    # The hidden resource is counted nowhere: Dijon has two visible resources, not three.
    assert facet_counts(html, "structure")[str(catalogue["dijon"].pk)] == 2
    assert facet_counts(html, "thematique") == {"emploi": 3, "justice": 2}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=guide", {"Guide emploi", "Guide justice"}),
        ("type=guide&thematique=justice", {"Guide justice"}),
        ("thematique=emploi&annee=2024", {"Guide emploi", "Guide justice"}),
        ("format=docx", {"Fiche emploi"}),
        ("thematique=justice&format=pdf", {"Trame justice"}),
        ("type=guide&annee=2022", set()),
    ],
)
def test_filters_combine(professional_client, catalogue, query, expected):
    html = professional_client.get(f"/ressources/?{query}").content.decode()
    assert set(listed_titles(html)) == expected


@pytest.mark.parametrize("query", ["", "thematique=emploi", "type=guide&annee=2024"])
def test_each_count_is_the_number_of_results_its_choice_gives(
    professional_client, catalogue, query
):
    html = professional_client.get(f"/ressources/?{query}").content.decode()
    for param in ("type", "thematique", "structure", "annee", "format"):
        for value, count in facet_counts(html, param).items():
            chosen = re.sub(rf"(^|&){param}=[^&]*", "", query).strip("&")
            url = f"/ressources/?{chosen}{'&' if chosen else ''}{param}={value}"
            results = listed_titles(professional_client.get(url).content.decode())
            assert len(results) == count, url


def test_a_member_sees_the_restricted_resource_and_its_count(client, catalogue, members_group):
    from tests.factories import ProfileFactory, UserFactory

    member = ProfileFactory(user=UserFactory(username="membre")).user
    member.groups.add(members_group)
    client.force_login(member)
    html = client.get("/ressources/").content.decode()
    assert "Compte-rendu réservé" in html
    assert facet_counts(html, "structure")[str(catalogue["dijon"].pk)] == 3


def test_sorting_by_title_and_by_views(professional_client, catalogue):
    html = professional_client.get("/ressources/?tri=titre").content.decode()
    assert listed_titles(html) == ["Fiche emploi", "Guide emploi", "Guide justice", "Trame justice"]
    trame = catalogue["resources"][3]
    for _ in range(3):
        professional_client.get(trame.url)
    html = professional_client.get("/ressources/?tri=vues").content.decode()
    assert listed_titles(html)[0] == "Trame justice"
    assert "Les plus consultées" in html


def test_cards_show_type_structure_date_format_size_and_thematics(professional_client, catalogue):
    html = professional_client.get("/ressources/?type=fiche-pratique").content.decode()
    card = html[html.index('<article class="card resource-card">') :]
    card = card[: card.index("</article>")]
    assert "Fiche pratique" in card
    assert "ARML" in card
    assert "1 mars 2023" in card
    assert re.search(r"DOCX, \d+(,\d)?\xa0Kio", card)
    assert "Emploi" in card
    assert "file-icon" in card  # a DOCX has a typed icon, a PDF its first page


def test_pagination_keeps_the_filters(professional_client, library):
    for n in range(15):
        ResourcePageFactory(
            parent=library,
            title=f"Guide {n:02d}",
            resource_type=ResourceType.objects.get(slug="guide"),
        )
    html = professional_client.get("/ressources/?type=guide").content.decode()
    assert len(listed_titles(html)) == 12
    assert "?type=guide&amp;page=2" in html
    html = professional_client.get("/ressources/?type=guide&page=2").content.decode()
    assert len(listed_titles(html)) == 3


def test_the_library_query_count_does_not_grow_with_resources(
    professional_client, catalogue, library
):
    professional_client.get("/ressources/")

    def count():
        # Warm first: publishing empties the shared caches (site, navigation) once.
        professional_client.get("/ressources/?thematique=emploi")
        with CaptureQueriesContext(connection) as queries:
            response = professional_client.get("/ressources/?thematique=emploi")
        assert response.status_code == 200
        return len(queries)

    before = count()
    emploi = catalogue["resources"][0].thematics.get()
    for n in range(8):
        add_resource(
            library,
            title=f"Nouveau guide {n}",
            kind="guide",
            thematics=[emploi],
            fmt="odt" if n % 2 else "pdf",
        )
    assert count() == before


def test_the_home_page_shows_the_newest_resources_the_user_may_view(
    professional_client, catalogue, site_pages
):
    html = professional_client.get("/").content.decode()
    section = html[html.index('id="home-resources-title"') :]
    section = section[: section.index("</section>")]
    assert "Guide emploi" in section
    assert "Compte-rendu réservé" not in section
    assert "Toutes les ressources" in section


def test_the_home_page_keeps_its_empty_state_without_resources(professional_client, site_pages):
    html = professional_client.get("/").content.decode()
    assert "Aucune ressource publiée pour le moment" in html
