"""A block pointing to a document, image or page the reader may not view renders a neutral
« Contenu réservé »: no title, URL, size or rendition (on the live page as in a preview,
which renders the same blocks for the person previewing)."""

import json

import pytest

from groups.models import WorkingGroupPage
from tests.factories import ContentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

SECRETS = ["Compte rendu secret", "compte-rendu", "Photo secrète", "photo-secrete",
           "Réunion confidentielle", "reunion"]  # fmt: skip


@pytest.fixture
def linking_page(home_page, private_group, private_image):
    body = [
        {"type": "document_list",
         "value": {"heading": "", "documents": [private_group.document.pk]}},
        {"type": "image",
         "value": {"image": private_image.pk, "alt_text": "", "caption": "Légende"}},
        {"type": "call_to_action", "value": {
            "title": "Venez", "text": "", "page": private_group.meeting.pk, "url": "",
            "button_label": "Voir la réunion"}},
    ]  # fmt: skip
    return ContentPageFactory(
        parent=home_page, title="Page publique", slug="page-publique", body=json.dumps(body)
    )


def test_public_page_shows_placeholders_to_a_non_member(client, linking_page, outsider):
    client.force_login(outsider)
    response = client.get(linking_page.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("Contenu réservé") == 3
    for secret in SECRETS:
        assert secret not in text, secret
    assert "/media/" not in text and "/documents/" not in text


def test_public_page_shows_the_items_to_a_member(client, linking_page, member):
    client.force_login(member)
    text = client.get(linking_page.url).content.decode()
    assert "Contenu réservé" not in text
    assert "Compte rendu secret" in text
    assert "/media/images/" in text
    assert "Voir la réunion" in text


def test_preview_with_chosen_ids_shows_placeholders_to_the_lead_of_another_group(
    client, private_group, private_image, other_lead
):
    """The lead of group Y types the ids of group X's document, image and page into the
    choosers of a news item of their own group, then views that revision as a preview."""
    own_group = WorkingGroupPage.objects.get(slug="referents-logement")
    body = [
        {"type": "document_list",
         "value": {"heading": "", "documents": [private_group.document.pk]}},
        {"type": "image",
         "value": {"image": private_image.pk, "alt_text": "", "caption": "Légende"}},
        {"type": "call_to_action", "value": {
            "title": "Venez", "text": "", "page": private_group.meeting.pk, "url": "",
            "button_label": "Découvrir"}},
    ]  # fmt: skip
    news = NewsPageFactory(parent=own_group, title="Nouvelle du groupe Y", body=json.dumps(body))
    revision = news.save_revision(user=other_lead)
    client.force_login(other_lead)
    response = client.get(f"/admin/pages/{news.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("Contenu réservé") == 3
    for secret in SECRETS:
        assert secret not in text, secret
    assert "/media/" not in text and "/documents/" not in text
