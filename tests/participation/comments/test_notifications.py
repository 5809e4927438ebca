"""A mention notifies the person, a reply the parent comment's author, on the real commit
path: never someone who may not view the page, and the email goes out once committed."""

from django.core import mail
from django.urls import reverse

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _post(client, page, text, **extra):
    return client.post(
        reverse("participation_comments:page_comments", args=[page.pk]), {"text": text, **extra}
    )


def test_a_mention_notifies_the_person_once_committed(site, people, login):
    page = site["private"]

    _post(login(people["member"]), page, "@nadia peux-tu relire le compte rendu ?")

    notification = Notification.objects.get()
    assert notification.recipient == people["lead"]
    assert notification.kind == NotificationKind.MENTION
    assert notification.actor == people["member"]
    assert notification.message == (
        "Paul Durand vous a mentionné·e dans un commentaire sur « Compte rendu du covoiturage »"
    )
    assert notification.url.startswith(page.url + "#commentaire-")
    assert [message.to for message in mail.outbox] == [[people["lead"].email]]


def test_someone_who_may_not_view_the_page_is_never_notified(site, people, login):
    _post(login(people["member"]), site["private"], "Je préviens @lea et @thomas")

    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_reply_notifies_the_parent_comments_author(site, people, login):
    page = site["public"]
    _post(login(people["member"]), page, "Quelqu'un a la nouvelle trame d'entretien ?")
    top = page.trame_comments.get()

    _post(login(people["other"]), page, "Oui, dans la bibliothèque.", parent=top.pk)
    _post(login(people["lead"]), page, "Merci @paul, je la cherchais aussi.", parent=top.pk)

    kinds = list(
        Notification.objects.filter(recipient=people["member"])
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    # The lead's reply mentions Paul: one notification (the mention), not two.
    assert kinds == [NotificationKind.REPLY, NotificationKind.MENTION]


def test_an_edit_notifies_only_the_people_it_adds(site, people, login):
    client = login(people["member"])
    _post(client, site["public"], "Avis à @nadia")
    comment = site["public"].trame_comments.get()

    client.post(
        reverse("participation_comments:edit", args=[comment.pk]),
        {"text": "Avis à @nadia et à @thomas"},
    )

    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "nadia",
        "thomas",
    ]
