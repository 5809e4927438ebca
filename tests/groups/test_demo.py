from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents import get_document_model

import pytest

from groups.models import (
    Follow,
    JoinRequest,
    MeetingPage,
    Membership,
    Structure,
    ThematicHubPage,
    WorkingGroupPage,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "memberships": sorted(Membership.objects.values_list("group_id", "user_id", "role")),
        "follows": Follow.objects.count(),
        "requests": JoinRequest.objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_demo_builds_groups_hubs_and_meetings(demo_network, client):
    groups = WorkingGroupPage.objects.live()
    assert groups.count() >= 8
    assert {"Référents I-MILO", "Coordonnateurs CEJ", "Référents handicap"} <= set(
        groups.values_list("title", flat=True)
    )
    assert groups.filter(visibility="members").count() == 1
    assert ThematicHubPage.objects.live().count() == 8
    assert MeetingPage.objects.filter(has_minutes=True).count() >= 3
    assert all(group.memberships.leads().exists() for group in groups)
    member_structures = Structure.objects.filter(
        kind="mission_locale", profiles__user__working_group_memberships__isnull=False
    ).distinct()
    assert member_structures.count() == 26  # members across all the Missions Locales
    # Demo people log in with the demo password too.
    assert client.login(username="demo-p05", password="mot-de-passe-demo")

    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def test_the_private_group_is_hidden_from_the_demo_professional(demo_network, client):
    private = WorkingGroupPage.objects.get(visibility="members")
    client.force_login(get_user_model().objects.get(username="professionnel"))
    assert client.get(private.url).status_code == 404
    assert private.title not in client.get("/groupes-de-travail/").content.decode()
    client.force_login(private.memberships.leads().first().user)
    assert client.get(private.url).status_code == 200
