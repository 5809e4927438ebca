"""notify(): one notification per person who may see, delivery after the commit."""

from django.core import mail

import pytest

from participation.kinds import Channel, NotificationKind
from participation.models import Notification, NotificationPreference
from participation.notify import notify
from tests.factories import UserFactory


def _notify(recipients, **kwargs):
    return notify(
        recipients,
        NotificationKind.MENTION,
        message="Camille vous a mentionné dans « L'accueil d'été »",
        url="/groupes/mobilite/",
        **kwargs,
    )


@pytest.mark.django_db
def test_each_person_once_never_the_actor_nor_an_inactive_account():
    actor, reader = UserFactory(), UserFactory()
    gone = UserFactory(is_active=False)

    _notify([reader, reader, actor, gone, None], actor=actor)

    assert list(Notification.objects.values_list("recipient", flat=True)) == [reader.pk]


@pytest.mark.django_db
def test_nobody_hears_of_what_they_may_not_view():
    allowed, refused = UserFactory(), UserFactory()

    _notify([allowed, refused], may_view=lambda user: user == allowed)

    assert set(Notification.objects.values_list("recipient", flat=True)) == {allowed.pk}


@pytest.mark.django_db
def test_delivery_waits_for_the_commit(django_capture_on_commit_callbacks):
    reader = UserFactory(email="reader@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify([reader])
    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db(transaction=True)
def test_after_the_commit_each_person_gets_what_they_chose():
    by_email = UserFactory(email="vite@example.org")
    in_digest = UserFactory(email="digest@example.org")
    NotificationPreference.objects.create(
        user=in_digest, kind=NotificationKind.MENTION, channel=Channel.DIGEST
    )

    _notify([by_email, in_digest])

    assert [message.to for message in mail.outbox] == [["vite@example.org"]]
    assert "Camille vous a mentionné" in mail.outbox[0].subject
    assert "/groupes/mobilite/" in mail.outbox[0].body
    # A plain-text email: the apostrophe as typed, not an HTML entity.
    assert "« L'accueil d'été »" in mail.outbox[0].body
    sent = Notification.objects.get(recipient=by_email)
    assert sent.emailed_at is not None
    assert Notification.objects.get(recipient=in_digest).emailed_at is None
