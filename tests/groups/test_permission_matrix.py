"""Membership is the source of every right in a members-only group: who sees its pages,
meetings and documents, in every listing, and who may publish there."""

import html

from django.core import mail
from django.core.management import call_command
from django.utils.html import strip_tags

from wagtail.models import PageViewRestriction, TaskState, WorkflowState

import pytest

from groups.follows import digests_send, follow_set
from groups.models import Profile, WorkingGroupPage
from groups.services import group_visibility_set, membership_remove
from home.models import NewsPage
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db

SECRET_TITLES = ["Réunion confidentielle", "Nouvelle confidentielle", "Compte rendu secret"]


def listing_urls(group, hub):
    return [
        "/",
        "/actualites/",
        group.get_parent().url,
        hub.url,
        "/reseau/mon-fil/",
        "/recherche/?q=confidentielle",
        "/recherche/?q=Justice",
    ]


def visible_text(client, url):
    """The page's text without its tags (search results mark the matched words)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(strip_tags(response.content.decode()))


def test_non_member_gets_not_found_on_pages_and_documents(client, private_group, outsider):
    client.force_login(outsider)
    for url in [private_group.url, private_group.meeting.url, private_group.news.url]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "confidentielle" not in response.content.decode()
    document_url = private_group.document.url
    assert document_url.startswith(f"/documents/{private_group.document.pk}/")
    assert client.get(document_url).status_code == 404


def test_non_member_sees_it_in_no_listing_feed_hub_or_count(client, private_group, hub, outsider):
    follow_set(user=outsider, thematic=hub.thematic, follow=True)
    follow_set(user=outsider, group=private_group, follow=True)  # followed before it closed
    rebuild_search_index()
    client.force_login(outsider)
    for url in listing_urls(private_group, hub):
        text = visible_text(client, url)
        for title in [*SECRET_TITLES, "Référents Justice"]:
            assert title not in text, (url, title)
    assert "1 membre" not in visible_text(client, hub.url)
    assert not WorkingGroupPage.objects.visible_to(outsider).exists()
    assert not NewsPage.objects.visible_to(outsider).filter(title__contains="confid").exists()


def test_non_member_digest_never_mentions_it(private_group, hub, outsider):
    Profile.objects.filter(user=outsider).update(digest_frequency="daily")
    follow_set(user=outsider, thematic=hub.thematic, follow=True)
    follow_set(user=outsider, group=private_group, follow=True)
    digests_send(frequency="daily")
    assert all(title not in message.body for message in mail.outbox for title in SECRET_TITLES)


def test_member_sees_pages_documents_listings_feed_and_digest(client, private_group, hub, member):
    rebuild_search_index()
    client.force_login(member)
    for page in [private_group, private_group.meeting, private_group.news]:
        assert page.title in visible_text(client, page.url)
    response = client.get(private_group.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"contenu du document"
    assert "Réunion confidentielle" in visible_text(client, private_group.url)
    assert "Compte rendu secret" in visible_text(client, private_group.url)
    assert "Nouvelle confidentielle" in visible_text(client, "/actualites/")
    assert "Référents Justice" in visible_text(client, hub.url)
    assert "Nouvelle confidentielle" in visible_text(client, "/reseau/mon-fil/")
    assert "Réunion confidentielle" in visible_text(client, "/recherche/?q=confidentielle")
    assert "Référents Justice" in visible_text(client, "/")  # my working groups

    Profile.objects.update(digest_frequency="off")
    Profile.objects.filter(user=member).update(digest_frequency="weekly")
    assert digests_send(frequency="weekly") == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "Nouvelle confidentielle" in message.body
    assert "Nouvelle confidentielle" in message.alternatives[0].content


def test_editor_sees_everything(client, private_group, hub, editor):
    client.force_login(editor)
    for page in [private_group, private_group.meeting, private_group.news]:
        assert client.get(page.url).status_code == 200
    assert client.get(private_group.document.url).status_code == 200
    assert "Référents Justice" in visible_text(client, hub.url)
    assert "Référents Justice" in visible_text(client, private_group.get_parent().url)


def test_lead_may_publish_and_member_may_not(private_group, lead, member):
    assert private_group.permissions_for_user(lead).can_publish_subpage()
    assert private_group.meeting.permissions_for_user(lead).can_publish()
    assert private_group.permissions_for_user(member).can_add_subpage()
    assert not private_group.permissions_for_user(member).can_publish_subpage()
    assert not private_group.meeting.permissions_for_user(member).can_publish()


def test_page_submitted_in_the_group_is_moderated_by_its_leads(client, private_group, lead, member):
    """Plain members have no admin (see test_admin_scoping); a page submitted for
    moderation in the group waits for its leads, never for a plain member."""
    page = NewsPage(title="Proposition", slug="proposition", date="2026-11-20", live=False)
    private_group.add_child(instance=page)
    revision = page.save_revision(user=lead)
    private_group.get_workflow().start(page, lead)
    assert not NewsPage.objects.get(pk=page.pk).live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TaskState.objects.reviewable_by(lead).filter(workflow_state=state).exists()
    assert not TaskState.objects.reviewable_by(member).filter(workflow_state=state).exists()
    assert revision is not None


def test_closing_a_group_hides_its_content_at_once(client, open_group, outsider):
    client.force_login(outsider)
    assert "Nouvelle ouverte" in visible_text(client, "/actualites/")
    assert client.get(open_group.document.url).status_code == 200

    group_visibility_set(group=open_group, visibility="members")

    assert "Nouvelle ouverte" not in visible_text(client, "/actualites/")
    assert client.get(open_group.news.url).status_code == 404
    assert client.get(open_group.document.url).status_code == 404
    group_visibility_set(group=open_group, visibility="network")
    assert client.get(open_group.document.url).status_code == 200


def test_publishing_the_group_as_members_only_hides_it_too(client, open_group, outsider):
    client.force_login(outsider)
    page = WorkingGroupPage.objects.get(pk=open_group.pk)
    page.visibility = "members"
    page.save_revision().publish()
    assert client.get(open_group.news.url).status_code == 404
    assert client.get(open_group.document.url).status_code == 404


def test_removing_a_member_revokes_access_at_once(client, private_group, member):
    client.force_login(member)
    assert client.get(private_group.meeting.url).status_code == 200
    membership_remove(group=private_group, user=member)
    assert client.get(private_group.meeting.url).status_code == 404
    assert client.get(private_group.document.url).status_code == 404
    assert not private_group.permissions_for_user(member).can_add_subpage()


def test_resync_command_repairs_a_tampered_group(private_group, member):
    private_group.members_group.user_set.clear()
    PageViewRestriction.objects.filter(page=private_group).delete()
    call_command("sync_working_groups", stdout=__import__("io").StringIO())
    assert member.groups.filter(pk=private_group.members_group_id).exists()
    assert PageViewRestriction.objects.filter(page=private_group).exists()
