# ruff: noqa: F811
"""The library at any size: its facet counts come from a summary per restriction set kept in
the versioned cache (`resources.library.LibrarySummary`), its pages from the counts per month;
the number of queries does not grow with the resources; nothing of what a user may not view
is counted, even when someone who may view it filled the cache first; and a publication, an
edit or a deletion is counted once it is committed."""

import datetime
import re

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection

import pytest

from resources.file_builders import build_docx
from resources.models import ResourcePage, ResourcePageDocument, ResourceType
from tests.factories import ProfileFactory, ResourcePageFactory, ThematicFactory, UserFactory

from .conftest import make_document

# `catalogue` is test_library's fixture, used here under its name (hence F811 below).
from .test_library import catalogue, facet_counts, listed_titles  # noqa: F401

SHAPES = [
    "/ressources/",
    "/ressources/?thematique=emploi",
    "/ressources/?type=guide&annee=2024",
    "/ressources/?type=guide&thematique=emploi&format=pdf",
    "/ressources/?page=2",
]


def add_many(library, count, thematic, *, start=0):
    """Resources with every facet set (two years, two types, one document in three)."""
    kinds = list(ResourceType.objects.order_by("pk")[:2])
    document = make_document("commun.pdf", b"%PDF-1.4\n%%EOF\n", title="Commun")
    for n in range(start, start + count):
        resource = ResourcePageFactory(
            parent=library,
            title=f"Ressource en nombre {n}",
            resource_type=kinds[n % 2],
            publication_date=datetime.date(2023 + n % 2, 1 + n % 12, 1),
        )
        resource.thematics.add(thematic)
        resource.save()
        if n % 3 == 0:
            ResourcePageDocument.objects.create(page=resource, document=document)


def queries_of(client, url):
    client.get(url)  # fills the caches this shape uses
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return queries.captured_queries


def member_client(client, group):
    member = ProfileFactory(user=UserFactory(username="membre")).user
    member.groups.add(group)
    client.force_login(member)
    return client


@pytest.mark.django_db
def test_the_query_count_does_not_grow_from_a_few_resources_to_many(professional_client, catalogue):
    library = catalogue["resources"][0].get_parent()
    emploi = catalogue["resources"][0].thematics.get()
    add_many(library, 14, emploi)
    few = {url: len(queries_of(professional_client, url)) for url in SHAPES}
    add_many(library, 60, emploi, start=14)
    many = {url: len(queries_of(professional_client, url)) for url in SHAPES}
    assert many == few
    html = professional_client.get("/ressources/").content.decode()
    assert "78 ressources" in html  # four of the catalogue, 74 here; the reserved one hidden


@pytest.mark.django_db
def test_counts_and_the_number_of_results_are_read_from_the_cache(professional_client, catalogue):
    """Once cached, a page of the library counts nothing in SQL: neither the facets nor the
    number of results, whatever the filters."""
    for url in SHAPES:
        queries = queries_of(professional_client, url)
        library = [
            q["sql"].upper() for q in queries if "RESOURCES_RESOURCEPAGE" in q["sql"].upper()
        ]
        assert library, url  # the page of results and its cards are read
        assert not [sql for sql in library if "COUNT(" in sql or "GROUP BY" in sql], url


@pytest.mark.django_db
def test_a_deep_page_is_found_by_its_month_not_by_an_offset_over_the_library(
    professional_client, library
):
    emploi = ThematicFactory(name="Emploi", slug="emploi")
    add_many(library, 30, emploi)
    # Newest first: two pages of twelve, then six; each resource on exactly one page.
    seen = []
    for number in (1, 2, 3):
        html = professional_client.get(f"/ressources/?page={number}").content.decode()
        seen += listed_titles(html)
    expected = [
        page.title for page in ResourcePage.objects.live().order_by("-publication_date", "-pk")
    ]
    assert seen == expected
    with CaptureQueriesContext(connection) as queries:
        professional_client.get("/ressources/?page=3")
    page_query = next(q["sql"] for q in queries if "ORDER BY" in q["sql"] and "LIMIT" in q["sql"])
    offset = re.search(r"OFFSET (\d+)", page_query)
    assert offset is None or int(offset.group(1)) < 24, page_query


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "dijon_for_member", "dijon_for_others"),
    [("/ressources/", 3, 2), ("/ressources/?type=guide&annee=2024", 2, 1)],
)
def test_no_count_leaks_to_a_user_denied_a_restricted_resource(
    professional_client, catalogue, members_group, url, dijon_for_member, dijon_for_others
):
    """The member fills the cache first: the professional, denied the reserved resource, must
    still not see it counted (the cache is keyed by the set of denied restrictions)."""
    from django.test import Client

    html = member_client(Client(), members_group).get(url).content.decode()
    assert "Compte-rendu réservé" in html
    assert facet_counts(html, "structure")[str(catalogue["dijon"].pk)] == dijon_for_member
    assert facet_counts(html, "type")["guide"] == 3
    html = professional_client.get(url).content.decode()
    assert "Compte-rendu réservé" not in html
    assert facet_counts(html, "structure")[str(catalogue["dijon"].pk)] == dijon_for_others
    assert facet_counts(html, "type")["guide"] == 2


@pytest.mark.django_db
def test_no_format_counted_from_a_private_groups_document(
    professional_client, library, members_group, private_collection
):
    from django.test import Client

    resource = ResourcePageFactory(parent=library, title="Ressource du groupe")
    document = make_document(
        "prive.docx", build_docx("Privé", ["Texte."]), collection=private_collection
    )
    ResourcePageDocument.objects.create(page=resource, document=document)
    html = member_client(Client(), members_group).get("/ressources/").content.decode()
    assert facet_counts(html, "format") == {"docx": 1}
    html = professional_client.get("/ressources/").content.decode()
    assert facet_counts(html, "format") == {}
    html = professional_client.get("/ressources/?format=docx").content.decode()
    assert listed_titles(html) == []
    assert "0 ressource" in html


@pytest.mark.django_db
def test_two_users_denied_the_same_restrictions_share_one_summary(
    professional_client, catalogue, members_group
):
    from django.core.cache import cache
    from django.test import Client

    from home.caching import LIBRARY, namespace_version

    other = Client()
    other.force_login(ProfileFactory(user=UserFactory(username="autre")).user)
    member_client(Client(), members_group).get("/ressources/")
    professional_client.get("/ressources/")
    other.get("/ressources/")
    prefix = f"trame:{LIBRARY}:{namespace_version(LIBRARY)}:summary:"
    keys = [key for key in cache._cache if f":{prefix}" in key]  # locmem: ":1:" + key
    assert len(keys) == 2  # the member's, and the one of both professionals


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publication_and_a_deletion_are_counted_once_committed(professional_client, library):
    guide = ResourceType.objects.get(slug="guide")
    emploi = ThematicFactory(name="Emploi", slug="emploi")
    first = ResourcePageFactory(parent=library, title="Premier guide", resource_type=guide)
    first.thematics.add(emploi)
    first.save()
    html = professional_client.get("/ressources/").content.decode()
    assert facet_counts(html, "type") == {"guide": 1}  # now cached

    with transaction.atomic():
        second = ResourcePageFactory(
            parent=library, title="Second guide", resource_type=guide, live=False
        )
        second.thematics.add(emploi)
        second.save_revision().publish()
    html = professional_client.get("/ressources/").content.decode()
    assert facet_counts(html, "type") == {"guide": 2}
    assert facet_counts(html, "thematique") == {"emploi": 2}
    assert "2 ressources" in html

    with transaction.atomic():
        ResourcePage.objects.get(pk=first.pk).delete()
    html = professional_client.get("/ressources/").content.decode()
    assert facet_counts(html, "type") == {"guide": 1}
    assert listed_titles(html) == ["Second guide"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_document_moved_to_a_private_collection_is_no_longer_counted(
    professional_client, library, members_group, private_collection
):
    resource = ResourcePageFactory(parent=library, title="Ressource")
    document = make_document("fiche.docx", build_docx("Fiche", ["Texte."]))
    ResourcePageDocument.objects.create(page=resource, document=document)
    html = professional_client.get("/ressources/?format=docx").content.decode()
    assert facet_counts(html, "format") == {"docx": 1}
    with transaction.atomic():
        document.collection = Collection.objects.get(pk=private_collection.pk)
        document.save()
    html = professional_client.get("/ressources/").content.decode()
    assert facet_counts(html, "format") == {}
