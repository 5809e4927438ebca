"""What the hub, group and meeting pages show."""

from wagtail.models import Page

import pytest

from groups.models import MeetingAttachment, WorkingGroupPage
from tests.factories import MeetingPageFactory, StructureFactory, WorkingGroupPageFactory

from .conftest import add_document

pytestmark = pytest.mark.django_db


def test_hub_shows_its_chefs_de_file_referents_and_groups(client, hub, open_group, member, lead):
    hub.thematic.lead_structures.add(StructureFactory(name="Mission Locale de Beaune"))
    hub.thematic.lead_people.add(lead)
    member.profile.referent_thematics.add(hub.thematic)
    client.force_login(member)
    text = client.get(hub.url).content.decode()
    assert "Mission Locale de Beaune" in text
    assert "Nadia Benali" in text  # chef de file
    assert "Paul Durand" in text  # referent
    assert "Référents entreprises" in text and "1 membre" in text
    assert "Nouvelle ouverte" in text


def test_meeting_page_shows_agenda_minutes_attendees_and_attachments(
    client, open_group, lead, member
):
    meeting = MeetingPageFactory(
        parent=open_group,
        title="Réunion de printemps",
        agenda="<ul><li>Tour de table</li></ul>",
        minutes=[("paragraph", "<p>Décision : un guide commun.</p>")],
    )
    meeting.attendees.add(lead, member)
    meeting.save()
    MeetingAttachment.objects.create(page=meeting, document=open_group.document)
    client.force_login(member)
    text = client.get(meeting.url).content.decode()
    for expected in ["Tour de table", "Décision : un guide commun.", "Nadia Benali",
                     "Paul Durand", "Guide ouvert", open_group.document.url]:  # fmt: skip
        assert expected in text, expected
    assert Page.objects.get(pk=meeting.pk).specific.has_minutes


def test_group_page_shows_next_meeting_latest_minutes_documents_and_members(
    client, open_group, lead, outsider
):
    from django.utils import timezone

    MeetingPageFactory(parent=open_group, title="Réunion à venir")
    MeetingPageFactory(
        parent=open_group,
        title="Réunion passée",
        start=timezone.now() - timezone.timedelta(days=5),
        minutes=[("paragraph", "<p>Compte rendu.</p>")],
    )
    client.force_login(outsider)
    text = client.get(open_group.url).content.decode()
    next_meeting = text[text.index("Prochaine réunion") : text.index("Dernier compte rendu")]
    assert "Réunion à venir" in next_meeting
    latest = text[text.index("Dernier compte rendu") : text.index("Réunions passées")]
    assert "Réunion passée" in latest
    assert "Guide ouvert" in text
    assert "Nadia Benali" in text and "Animateur·rice" in text
    assert "Demander à rejoindre le groupe" in text
    assert "Ajouter une réunion" not in text  # not a member


def test_archived_groups_are_listed_apart_and_take_no_request(client, group_index, outsider):
    WorkingGroupPageFactory(parent=group_index, title="Ancien groupe", status="archived")
    group = WorkingGroupPage.objects.get(title="Ancien groupe")
    client.force_login(outsider)
    text = client.get(group_index.url).content.decode()
    assert text.index("Groupes archivés") < text.index("Ancien groupe")
    assert "Demander à rejoindre" not in client.get(group.url).content.decode()
    add_document(group, title="Archive")  # an archived group keeps its documents
