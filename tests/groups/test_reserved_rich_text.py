"""Rich text linking a page or document, or embedding an image, that the reader may not
view loses its destination and the words its author wrote in the link (they may say the
private title): no URL, no file name, no rendition, a neutral « Contenu réservé » instead
(Wagtail's link and embed handlers replaced in home/rich_text.py)."""

from wagtail.rich_text import RichText

import pytest

from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

SECRET_URLS = ["/documents/", "/media/", "reunion-confidentielle"]
# The author's link words: here, the private titles themselves.
LINK_WORDS = ["Réunion confidentielle du groupe", "Compte rendu secret du groupe"]
RESERVED_LINK = '<span class="link-reserved">Contenu réservé</span>'


@pytest.fixture
def linking_resource(home_page, private_group, private_image):
    meeting, document = private_group.meeting, private_group.document
    body = (
        f'<p>Voir <a linktype="page" id="{meeting.pk}">{LINK_WORDS[0]}</a> et '
        f'<a linktype="document" id="{document.pk}">{LINK_WORDS[1]}</a>.</p>'
        f'<embed embedtype="image" id="{private_image.pk}" format="fullwidth" alt="Vue"/>'
    )
    library = ResourceIndexPageFactory(parent=home_page)
    return ResourcePageFactory(parent=library, title="Ressource publique", body=body)


def test_non_member_gets_neutral_links_and_no_image(client, linking_resource, outsider):
    client.force_login(outsider)
    response = client.get(linking_resource.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count(RESERVED_LINK) == 2
    assert '<span class="block-reserved">Contenu réservé</span>' in text
    assert "<p>Voir " + RESERVED_LINK + " et " + RESERVED_LINK + ".</p>" in text
    for secret in SECRET_URLS + LINK_WORDS:
        assert secret not in text, secret


def test_member_gets_the_links_and_the_image(client, linking_resource, private_group, member):
    client.force_login(member)
    text = client.get(linking_resource.url).content.decode()
    assert "Contenu réservé" not in text
    assert f'href="{private_group.meeting.url}"' in text
    assert f'href="{private_group.document.url}"' in text
    assert "/media/images/" in text
    for words in LINK_WORDS:
        assert f">{words}</a>" in text


def test_outside_a_request_nobody_in_particular_reads(linking_resource):
    """Digests, exports and the index render rich text outside any request: neutral."""
    html = str(RichText(linking_resource.body))
    assert html.count("Contenu réservé") == 3
    for secret in SECRET_URLS + LINK_WORDS:
        assert secret not in html, secret


def test_the_api_gives_the_same_neutral_links(client, linking_resource, outsider, member):
    """The API's page detail renders rich text as the page does, for each caller."""
    url = f"/api/v1/pages/{linking_resource.pk}/"
    client.force_login(outsider)
    body = client.get(url).json()["fields"]["body"]
    assert body.count("Contenu réservé") == 3
    for secret in SECRET_URLS + LINK_WORDS:
        assert secret not in body, secret
    client.force_login(member)
    body = client.get(url).json()["fields"]["body"]
    for words in LINK_WORDS:
        assert f">{words}</a>" in body
