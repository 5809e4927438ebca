"""The digest email includes the notifications each person wants there, once."""

import datetime

from django.core import mail
from django.utils import timezone

import pytest

from groups.follows import digests_send
from groups.models import Profile
from participation.kinds import Channel, NotificationKind
from participation.models import Notification, NotificationPreference
from participation.notify import notify
from tests.factories import ContentPageFactory

from .conftest import make_person


def _notify(user, kind, message, **kwargs):
    return notify([user], kind, message=message, url="/le-reseau/", **kwargs)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pending_digest_notifications_are_sent_once_after_the_commit(home_page, private_group):
    reader = make_person("lectrice", email="lectrice@example.org")
    NotificationPreference.objects.create(
        user=reader, kind=NotificationKind.MENTION, channel=Channel.DIGEST
    )
    _notify(reader, NotificationKind.FOLLOWED_CONTENT, "Nouveau : Guide mobilité")  # digest
    _notify(reader, NotificationKind.MENTION, "Camille vous a mentionnée")  # digest (chosen)
    _notify(reader, NotificationKind.REPLY, "Une réponse à votre commentaire")  # email
    [read] = _notify(reader, NotificationKind.FOLLOWED_CONTENT, "Déjà lue")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    secret = ContentPageFactory(parent=private_group, title="Budget confidentiel")
    _notify(reader, NotificationKind.FOLLOWED_CONTENT, "Nouveau : Budget confidentiel",
            target=secret)  # fmt: skip
    mail.outbox.clear()  # the reply went by email at once

    assert digests_send(frequency=Profile.DigestFrequency.WEEKLY) == 1

    [digest] = mail.outbox
    assert digest.to == ["lectrice@example.org"]
    assert "Vos notifications" in digest.body
    assert "Nouveau : Guide mobilité" in digest.body
    assert "Camille vous a mentionnée" in digest.body
    assert "Une réponse à votre commentaire" not in digest.body
    assert "Déjà lue" not in digest.body
    assert "Budget confidentiel" not in digest.body
    html = digest.alternatives[0][0]
    assert "Nouveau : Guide mobilité" in html and "Budget confidentiel" not in html
    digested = Notification.objects.exclude(digested_at=None)
    assert set(digested.values_list("message", flat=True)) == {
        "Nouveau : Guide mobilité",
        "Camille vous a mentionnée",
        "Nouveau : Budget confidentiel",
    }

    # Never twice: the next digest has nothing to say.
    later = timezone.now() + datetime.timedelta(days=7)
    assert digests_send(frequency=Profile.DigestFrequency.WEEKLY, now=later) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_in_app_only_never_reaches_the_digest(home_page):
    reader = make_person("lecteur", email="lecteur@example.org")
    NotificationPreference.objects.create(
        user=reader, kind=NotificationKind.FOLLOWED_CONTENT, channel=Channel.IN_APP
    )
    _notify(reader, NotificationKind.FOLLOWED_CONTENT, "Nouveau : Guide mobilité")

    assert digests_send(frequency=Profile.DigestFrequency.WEEKLY) == 0
    assert Notification.objects.get().digested_at is None


@pytest.mark.django_db
def test_someone_without_a_digest_keeps_them_in_trame(home_page):
    reader = make_person("lecteur", email="lecteur@example.org")
    Profile.objects.filter(user=reader).update(digest_frequency=Profile.DigestFrequency.DAILY)
    _notify(reader, NotificationKind.FOLLOWED_CONTENT, "Nouveau : Guide mobilité")

    assert digests_send(frequency=Profile.DigestFrequency.WEEKLY) == 0
    assert digests_send(frequency=Profile.DigestFrequency.DAILY) == 1
    assert Notification.objects.get().digested_at is not None
