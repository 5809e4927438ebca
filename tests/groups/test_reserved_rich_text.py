"""Rich text linking a page or document, or embedding an image, that the reader may not
view loses its destination: no URL, no file name, no rendition, a neutral « Contenu
réservé » instead (Wagtail's link and embed handlers replaced in home/rich_text.py)."""

from wagtail.rich_text import expand_db_html

import pytest

from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

SECRET_URLS = ["/documents/", "/media/", "reunion-confidentielle"]


@pytest.fixture
def linking_resource(home_page, private_group, private_image):
    meeting, document = private_group.meeting, private_group.document
    body = (
        f'<p>Voir <a linktype="page" id="{meeting.pk}">la réunion</a> et '
        f'<a linktype="document" id="{document.pk}">le compte rendu</a>.</p>'
        f'<embed embedtype="image" id="{private_image.pk}" format="fullwidth" alt="Vue"/>'
    )
    library = ResourceIndexPageFactory(parent=home_page)
    return ResourcePageFactory(parent=library, title="Ressource publique", body=body)


def test_non_member_gets_neutral_links_and_no_image(client, linking_resource, outsider):
    client.force_login(outsider)
    response = client.get(linking_resource.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('<a class="link-reserved" title="Contenu réservé">') == 2
    assert '<span class="block-reserved">Contenu réservé</span>' in text
    for secret in SECRET_URLS:
        assert secret not in text, secret


def test_member_gets_the_links_and_the_image(client, linking_resource, private_group, member):
    client.force_login(member)
    text = client.get(linking_resource.url).content.decode()
    assert "Contenu réservé" not in text
    assert f'href="{private_group.meeting.url}"' in text
    assert f'href="{private_group.document.url}"' in text
    assert "/media/images/" in text


def test_outside_a_request_nobody_in_particular_reads(linking_resource):
    """Digests, exports and the index render rich text outside any request: neutral."""
    html = expand_db_html(linking_resource.body)
    assert html.count("Contenu réservé") == 3
    for secret in SECRET_URLS:
        assert secret not in html, secret
