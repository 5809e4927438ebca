import re

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from resources.file_builders import build_pdf
from resources.models import DocumentDownloadDay, ResourcePageDocument
from tests.factories import ProfileFactory, ResourcePageFactory, UserFactory

from .conftest import make_document

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def private_document(private_collection):
    """A group's minutes, replaced once (so that an old version exists), with a thumbnail."""
    document = make_document(
        "compte-rendu.pdf",
        build_pdf("Compte-rendu confidentiel", ["Situation nominative d’un jeune."]),
        collection=private_collection,
    )
    document.file = ContentFile(
        build_pdf("Compte-rendu confidentiel v2", ["Version corrigée."]), name="compte-rendu.pdf"
    )
    document.save()
    document.refresh_from_db()
    return document


@pytest.fixture
def member(members_group):
    user = ProfileFactory(user=UserFactory(username="membre")).user
    user.groups.add(members_group)
    return user


@pytest.fixture
def outsider(db):
    return ProfileFactory(user=UserFactory(username="exterieur")).user


def private_urls(document):
    version = document.versions.get()
    return [
        document.url,
        reverse("wagtaildocs_serve", args=[document.pk, document.filename]),
        version.url,
        reverse("resources:document_thumbnail", args=[document.pk]),
    ]


def test_a_non_member_cannot_download_a_group_document_through_any_url(
    client, outsider, private_document
):
    client.force_login(outsider)
    for url in private_urls(private_document):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        # A file's signature, not a bare "PNG": the error page's random CSRF token may hold it.
        assert b"%PDF-" not in body(response)
        assert b"\x89PNG" not in body(response)


def test_a_member_can_download_the_document_its_versions_and_thumbnail(
    client, member, private_document
):
    client.force_login(member)
    for url in private_urls(private_document):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff"
    current = client.get(private_document.url)
    old = body(client.get(private_document.versions.get().url))
    assert current["Content-Type"] == "application/pdf"
    current = body(current)
    assert current.startswith(b"%PDF") and old.startswith(b"%PDF")
    assert current != old


def test_a_resource_page_does_not_list_documents_the_user_may_not_download(
    client, library, outsider, member, private_document
):
    resource = ResourcePageFactory(parent=library, title="Réunion du groupe Justice")
    ResourcePageDocument.objects.create(page=resource, document=private_document)
    client.force_login(outsider)
    page = client.get(resource.url).content.decode()
    assert "Réunion du groupe Justice" in page
    assert private_document.url not in page
    client.force_login(member)
    page = client.get(resource.url).content.decode()
    assert private_document.url in page
    assert "Versions précédentes" in page


def test_html_and_svg_are_downloaded_never_displayed(professional_client):
    for filename, content_type in (("page.html", "text/html"), ("logo.svg", "image/svg+xml")):
        document = make_document(filename, b"<svg onload='alert(1)'></svg>")
        response = professional_client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_french_file_name_survives_the_download(professional_client):
    document = make_document("Guide d’accueil – été.pdf", build_pdf("Guide", ["Texte"]))
    response = professional_client.get(document.url)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline")
    # An ASCII name for old browsers, the accented one (RFC 5987) for the others.
    # (The storage may add a suffix to keep names unique.)
    assert re.search(r'filename="Guide_daccueil__ete[\w]*\.pdf"', disposition)
    assert re.search(r"filename\*=UTF-8''Guide_daccueil__%C3%A9t%C3%A9[\w]*\.pdf", disposition)
    disposition.encode("latin-1")  # a header browsers can read


def test_downloads_are_counted_per_day_and_structure_without_the_person(
    professional_client, professional
):
    document = make_document("fiche.pdf", build_pdf("Fiche", ["Texte"]))
    professional_client.get(document.url)
    professional_client.get(document.url)
    counter = DocumentDownloadDay.objects.get()
    assert counter.downloads == 2
    assert counter.structure == professional.profile.structure
    assert not [field.name for field in DocumentDownloadDay._meta.fields if "user" in field.name]


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    document = make_document("fiche.pdf", build_pdf("Fiche", ["Texte"]))
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]
