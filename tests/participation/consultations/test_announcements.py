"""Opening and reminders notify the voters (and a survey's audience), once, after the commit."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from participation.consultations.models import Consultation
from participation.consultations.services import (
    announce_on_commit,
    consultation_announce,
)
from participation.kinds import NotificationKind
from participation.models import Notification

from .conftest import cast, make_consultation, person


def _recipients():
    return set(
        Notification.objects.filter(kind=NotificationKind.CONSULTATION).values_list(
            "recipient__username", flat=True
        )
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_open_consultation_is_announced_to_each_voter_once_after_the_commit(network):
    consultation = make_consultation([network["dijon"], network["beaune"]])

    announce_on_commit(consultation)  # outside an atomic block: runs at once
    announce_on_commit(consultation)

    assert _recipients() == {"directrice-dijon", "deleguee-beaune"}
    assert Notification.objects.count() == 2
    notification = Notification.objects.get(recipient=network["dijon_director"])
    assert notification.url == reverse("consultations:detail", args=[consultation.pk])
    assert "Consultation ouverte pour votre structure" in notification.message
    assert len(mail.outbox) == 2  # the default channel of this kind: email at once


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_consultation_opening_later_is_announced_by_the_command(network):
    consultation = make_consultation([network["dijon"]], opens_in_days=1)
    announce_on_commit(consultation)
    call_command("consultations_announce", stdout=io.StringIO())
    assert _recipients() == set()

    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("consultations_announce", stdout=io.StringIO())
    call_command("consultations_announce", stdout=io.StringIO())
    assert _recipients() == {"directrice-dijon"}
    assert Notification.objects.count() == 1


@pytest.mark.django_db
def test_a_survey_is_announced_to_its_audience(network):
    survey = make_consultation([network["beaune"]], mode=Consultation.Mode.PERSON)
    assert consultation_announce(survey.pk) == 2
    assert _recipients() == {"directeur-beaune", "deleguee-beaune"}


@pytest.mark.django_db
def test_reminding_previews_the_count_then_notifies_those_who_have_not_voted(client, network):
    consultation = make_consultation([network["dijon"], network["beaune"], network["vesoul"]])
    cast(consultation, network["dijon_director"])
    url = reverse("consultations:remind", args=[consultation.pk])
    client.force_login(network["editor"])

    preview = client.get(url).content.decode()
    assert "2 personnes qui n'ont pas encore répondu" in preview
    assert Notification.objects.count() == 0

    client.post(url)
    assert _recipients() == {"deleguee-beaune", "directeur-vesoul"}
    assert "Relance" in Notification.objects.first().message


@pytest.mark.django_db
def test_only_editors_remind(client, network, consultation):
    client.force_login(network["dijon_director"])
    url = reverse("consultations:remind", args=[consultation.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_nobody_outside_the_audience_is_notified(network):
    outsider = person("pro-vesoul", network["vesoul"])
    survey = make_consultation([network["dijon"]], mode=Consultation.Mode.PERSON)
    consultation_announce(survey.pk)
    assert outsider.username not in _recipients()
