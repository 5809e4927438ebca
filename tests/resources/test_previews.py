import io

import pytest
from PIL import Image

from resources.file_builders import build_docx, build_pdf
from resources.models import ExtractionStatus

from .conftest import make_document

pytestmark = pytest.mark.django_db


def png(width, height) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), "#1f4e79").save(output, format="PNG")
    return output.getvalue()


def thumbnail_size(document):
    with document.thumbnail.open("rb") as thumbnail, Image.open(thumbnail) as image:
        return image.size


def test_an_image_gets_a_thumbnail_within_the_box():
    document = make_document("affiche.png", png(1600, 900))
    assert document.extraction_status == ExtractionStatus.DONE
    width, height = thumbnail_size(document)
    assert width == 480
    assert height == 270


def test_the_first_page_of_a_pdf_is_rendered():
    document = make_document("guide.pdf", build_pdf("Guide", ["Première page."]))
    width, height = thumbnail_size(document)
    assert max(width, height) <= 480
    assert height > width  # an A4 page, portrait


def test_an_image_decompression_bomb_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000 * 1000
    document = make_document("bombe.png", png(1500, 1500))
    assert not document.thumbnail
    # The file is still stored and downloadable.
    assert document.file.size > 0


def test_other_formats_get_a_typed_icon(professional_client, library):
    from resources.models import ResourcePageDocument
    from tests.factories import ResourcePageFactory

    document = make_document("fiche.docx", build_docx("Fiche", ["Texte"]))
    assert not document.thumbnail
    resource = ResourcePageFactory(parent=library, title="Fiche pratique")
    ResourcePageDocument.objects.create(page=resource, document=document)
    html = professional_client.get(resource.url).content.decode()
    assert '<span class="file-icon file-icon--text">DOCX</span>' in html
