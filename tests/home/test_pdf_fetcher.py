"""What WeasyPrint may fetch while drawing a PDF (home/pdf.py): static files, and the media
files the requesting user may view; never another address nor another file of the server."""

import io

from django.contrib.auth.models import AnonymousUser, Group

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from home.pdf import PermissionCheckedFetcher
from tests.factories import UserFactory
from tests.groups.conftest import jpeg_file

pytestmark = pytest.mark.django_db

HOST = "testserver"


@pytest.fixture
def committee(db):
    return Group.objects.create(name="Comité de pilotage")


@pytest.fixture
def private_image(committee, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Comité")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(committee)
    return get_image_model().objects.create(
        title="Photo du comité",
        file=jpeg_file("photo-comite.jpg"),
        collection=collection,
        width=40,
        height=30,
    )


@pytest.fixture
def outsider():
    return UserFactory()


@pytest.fixture
def member(committee):
    user = UserFactory()
    user.groups.add(committee)
    return user


def fetched(user, url) -> bytes:
    response = PermissionCheckedFetcher(user, HOST)(url)
    return response.read()


def test_static_files_are_served():
    assert b"@page" in fetched(AnonymousUser(), f"http://{HOST}/static/css/pdf.css")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",  # another site
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://autre-hote/static/css/pdf.css",  # the right path on another host
        "file:///etc/passwd",
        f"http://{HOST}/static/../intranet/settings/base.py",
        f"http://{HOST}/static/%2e%2e/pyproject.toml",
        f"http://{HOST}/media/documents/compte-rendu.txt",  # documents: never from storage
        f"http://{HOST}/media/images/../documents/compte-rendu.txt",
        f"http://{HOST}/admin/",  # a page of the site
    ],
)
def test_every_other_address_is_refused(member, url):
    with pytest.raises(ValueError):
        fetched(member, url)


def test_a_private_image_is_served_to_members_only(private_image, member, outsider):
    url = f"http://{HOST}/media/{private_image.file.name}"
    assert fetched(member, url).startswith(b"\xff\xd8")  # a JPEG
    with pytest.raises(ValueError):
        fetched(outsider, url)


def test_a_rendition_follows_its_image(private_image, member, outsider):
    url = f"http://{HOST}/media/{private_image.get_rendition('fill-20x20').file.name}"
    assert fetched(member, url)
    with pytest.raises(ValueError):
        fetched(outsider, url)


def test_the_pdf_of_an_outsider_leaves_the_private_image_out(private_image, member, outsider):
    image = f'<img src="/media/{private_image.file.name}" alt="Photo du comité">'
    html = f'<html lang="fr"><body><p>Photo</p>{image}</body></html>'

    def image_count(user):
        fetcher = PermissionCheckedFetcher(user, HOST)
        pdf = HTML(string=html, base_url=f"http://{HOST}/", url_fetcher=fetcher).write_pdf()
        return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)

    assert image_count(member) == 1
    assert image_count(outsider) == 0
