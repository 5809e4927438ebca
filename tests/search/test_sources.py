"""What gets indexed, and at what cost: `search.sources`."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from resources.models import ResourcePageDocument
from search import sources
from tests.factories import (
    NetworkDirectoryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    ThematicFactory,
)
from tests.search.corpus import pdf_document, person


@pytest.fixture
def library(home_page):
    NetworkDirectoryPageFactory(parent=home_page)
    return ResourceIndexPageFactory(parent=home_page)


def make_resources(library, count, start=0):
    thematic = ThematicFactory(name="Emploi", slug="emploi")
    kind = ResourceTypeFactory(name="Guide", slug="guide")
    for number in range(start, start + count):
        page = ResourcePageFactory(parent=library, title=f"Guide {number}", resource_type=kind)
        page.thematics.add(thematic)
        page.save()
        ResourcePageDocument.objects.create(
            page=page, document=pdf_document(f"Doc {number}", ["Texte."])
        )  # noqa: E501
        NewsPageFactory(parent=news_index(library), title=f"Nouvelle {number}")


def news_index(library):
    from home.models import NewsIndexPage

    return NewsIndexPage.objects.first() or NewsIndexPageFactory(parent=library.get_parent())


def count_queries(build) -> int:
    with CaptureQueriesContext(connection) as queries:
        list(build())
    return len(queries)


def test_building_entries_costs_the_same_for_more_pages(library):
    make_resources(library, 2)
    list(sources.all_entries())  # site root paths and restrictions cached, as usual
    few = count_queries(sources.all_entries)
    make_resources(library, 6, start=2)
    assert count_queries(sources.all_entries) == few


def test_resource_entry(library):
    make_resources(library, 1)
    entry = next(e for e in sources.all_entries() if e.title == "Guide 0")
    assert entry.kind.label == "Ressource"
    assert [t.label for t in entry.thematics] == ["Emploi"]
    assert entry.resource_type.label == "Guide"
    assert "Texte." in entry.document_text
    assert entry.file_format == "PDF"


def test_people_and_structures_are_indexed(library):
    someone = person("claire", first_name="Claire", last_name="Roux")
    entries = {entry.key: entry for entry in sources.all_entries()}
    entry = entries[f"person:{someone.profile.pk}"]
    assert (entry.title, entry.kind.label) == ("Claire Roux", "Personne")
    assert entry.url.endswith(f"/personnes/{someone.pk}/")
    structure = entries[f"structure:{someone.profile.structure_id}"]
    assert structure.kind.label == "Structure"


def test_documents_of_resources_are_not_indexed_twice(library):
    make_resources(library, 1)
    loose = pdf_document("Document isolé", ["Texte."])
    keys = {entry.key for entry in sources.all_entries() if entry.key.startswith("document:")}
    assert keys == {f"document:{loose.pk}"}


def test_drafts_and_pages_below_an_unpublished_page_are_not_indexed(library):
    ResourcePageFactory(parent=library, title="Brouillon", live=False)
    below = ResourcePageFactory(parent=library, title="Sous une page retirée")
    library.unpublish()
    titles = {entry.title for entry in sources.all_entries()}
    assert "Brouillon" not in titles
    assert below.title not in titles


def test_structure_url_leads_to_its_card(library, professional_client):
    someone = person("claire", first_name="Claire", last_name="Roux")
    entry = next(
        e for e in sources.all_entries() if e.key == f"structure:{someone.profile.structure_id}"
    )
    page_url, anchor = entry.url.split("#")
    response = professional_client.get(page_url)
    assert f'id="{anchor}"' in response.content.decode()
