"""A public page linking a group's private document and page (rich-text links and chooser
blocks) keeps them out of every text built from it for other readers: the search index and
its snippets, the email digest and the admin's CSV exports. Nothing of the linked items
(title, URL, size) nor the words the author wrote inside the links gets there."""

import json

from django.test import Client
from django.utils.html import strip_tags

from wagtail.log_actions import log

import pytest

from groups.follows import digest_message
from search.sources import page_text
from tests.factories import ContentPageFactory, ResourceIndexPageFactory, ResourcePageFactory
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db

LINK_WORDS = ["Réunion confidentielle du groupe", "Compte rendu secret du groupe"]
SECRETS = [*LINK_WORDS, "Compte rendu secret", "Réunion confidentielle", "compte-rendu",
           "reunion-confidentielle", "/documents/", "octets", "bytes"]  # fmt: skip


def _links(private_group) -> str:
    meeting, document = private_group.meeting, private_group.document
    return (
        f'<p>Lisez cette synthèse publique zébrure, <a linktype="page" id="{meeting.pk}">'
        f'{LINK_WORDS[0]}</a> et <a linktype="document" id="{document.pk}">{LINK_WORDS[1]}</a>.</p>'
    )


@pytest.fixture
def public_pages(home_page, private_group):
    """A resource (rich-text field) and a content page (StreamField with a paragraph, a
    document list and a call to action), both public, both linking the group's items."""
    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(
        parent=library, title="Ressource zébrure", body=_links(private_group),
        summary="Une synthèse publique.",
    )  # fmt: skip
    body = [
        {"type": "paragraph", "value": _links(private_group)},
        {"type": "document_list",
         "value": {"heading": "", "documents": [private_group.document.pk]}},
        {"type": "call_to_action", "value": {
            "title": "Venez", "text": "", "page": private_group.meeting.pk, "url": "",
            "button_label": "Découvrir"}},
    ]  # fmt: skip
    content = ContentPageFactory(
        parent=home_page, title="Page zébrure", slug="page-zebrure", body=json.dumps(body),
        summary="Une page publique.",
    )  # fmt: skip
    return [resource, content]


def _assert_no_secret(text: str):
    for secret in SECRETS:
        assert secret not in text, secret


def test_indexed_text_of_a_public_page_keeps_out_the_reserved_links(public_pages):
    for page in public_pages:
        text = page_text(page)
        assert "Lisez cette synthèse publique zébrure" in text
        _assert_no_secret(text)


def test_indexed_text_keeps_the_words_of_links_anyone_may_follow(home_page, public_pages):
    public = public_pages[1]
    library = ResourceIndexPageFactory(parent=home_page, slug="bibliotheque-2")
    resource = ResourcePageFactory(
        parent=library, body=f'<p><a linktype="page" id="{public.pk}">Lien ouvert</a></p>'
    )
    assert "Lien ouvert" in page_text(resource)


def test_search_snippets_show_no_reserved_link(client, public_pages, outsider, member):
    rebuild_search_index()
    for user in (outsider, member):  # the index is the same for every reader
        client.force_login(user)
        response = client.get("/recherche/?q=zébrure")
        assert response.status_code == 200
        text = strip_tags(response.content.decode())  # matched words are in <mark>
        assert "Ressource zébrure" in text and "Page zébrure" in text
        _assert_no_secret(text)


def test_digest_of_a_public_page_names_nothing_reserved(public_pages, outsider):
    message = digest_message(user=outsider, items=public_pages)
    text = message.body + message.alternatives[0].content
    assert "Ressource zébrure" in text and "Page zébrure" in text
    _assert_no_secret(text)


def test_csv_exports_name_nothing_reserved(public_pages, private_group, other_lead, editor):
    """The site history and the aging pages, exported by the lead of another group: the
    public pages are there, the group's document and meeting are not."""
    for page in public_pages:
        page.save_revision(user=editor).publish(user=editor)
    private_group.document.title = "Compte rendu secret"
    private_group.document.save()
    log(instance=private_group.document, action="wagtail.create", user=editor)
    client = Client()
    client.force_login(other_lead)
    for url in (
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/aging-pages/?export=csv",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        text = b"".join(response.streaming_content).decode()
        _assert_no_secret(text)
