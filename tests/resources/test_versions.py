from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from resources.file_builders import build_pdf
from resources.models import ExtractionStatus, ResourceDocument, ResourcePageDocument
from tests.factories import ResourcePageFactory

from .conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("admin", "admin@trame.example", "x")
    )
    return client


def test_replacing_a_file_in_the_admin_keeps_the_previous_one_downloadable(admin_client, library):
    first_edition = build_pdf("Guide 2023", ["Première édition"])
    document = make_document("guide.pdf", first_edition)
    resource = ResourcePageFactory(parent=library, title="Guide de l’accueil")
    ResourcePageDocument.objects.create(page=resource, document=document)

    for edition in ("Deuxième édition", "Troisième édition"):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Guide de l’accueil",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile("guide.pdf", build_pdf("Guide", [edition])),
            },
        )
        assert response.status_code == 302, response.content.decode()[-2000:]

    document.refresh_from_db()
    assert "Troisième édition" in document.extracted_text
    versions = list(document.versions.all())
    assert len(versions) == 2
    # Most recent first: the second edition, then the first one, byte for byte.
    assert versions[0].uploaded_at > versions[1].uploaded_at
    with versions[1].file.open("rb") as oldest:
        assert oldest.read() == first_edition
    for version in versions:
        response = admin_client.get(version.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    page = admin_client.get(resource.url).content.decode()
    assert "Versions précédentes (2)" in page
    assert page.index(versions[0].url) < page.index(versions[1].url)


def test_an_upload_over_the_size_limit_is_refused_with_a_french_message(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Trop gros",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("gros.pdf", b"%PDF-" + b"x" * 4096),
        },
    )
    assert response.status_code == 200
    assert (
        "Le fichier est trop volumineux : 4 Ko, alors que la limite est de 1 Ko."
        in response.content.decode()
    )
    assert not ResourceDocument.objects.exists()


def test_an_upload_whose_extraction_fails_is_stored_and_its_failure_shown_to_editors(
    admin_client, settings
):
    # A sound file (bad ones are refused at upload, see tests/uploads) whose text cannot be
    # read within the time limit.
    settings.TRAME_EXTRACTION_TIME_LIMIT = -1
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tableau",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("tableau.pdf", build_pdf("Tableau", ["Texte"])),
        },
    )
    assert response.status_code == 302
    document = ResourceDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.FAILED
    edit_page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "L’extraction du texte a échoué" in edit_page
    assert "L’extraction du texte a dépassé la limite" in edit_page
    assert admin_client.get(document.url).status_code == 200


def test_deleting_a_document_deletes_its_versions_and_thumbnail_files(
    django_capture_on_commit_callbacks,
):
    from django.core.files.base import ContentFile

    document = make_document("guide.pdf", build_pdf("Guide", ["Première édition"]))
    document.file = ContentFile(build_pdf("Guide", ["Deuxième édition"]), name="guide.pdf")
    document.save()
    document.refresh_from_db()
    version = document.versions.get()
    storage = version.file.storage
    old_name, thumbnail_name = version.file.name, document.thumbnail.name
    assert storage.exists(old_name) and storage.exists(thumbnail_name)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not storage.exists(old_name)
    assert not storage.exists(thumbnail_name)
