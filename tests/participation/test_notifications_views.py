"""The bell, the notifications page, marking read and the preferences per kind: each person
sees and marks only their own, and never the title of what they may no longer view."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from participation.kinds import Channel, NotificationKind
from participation.models import Notification, NotificationPreference
from participation.notify import notify
from tests.factories import ContentPageFactory

LIST = reverse("participation:notifications")
PREFERENCES = reverse("participation:notification_preferences")
READ_ALL = reverse("participation:notifications_read_all")


def _notify(user, message="Camille vous a mentionné", url="/le-reseau/", **kwargs):
    [notification] = notify([user], NotificationKind.MENTION, message=message, url=url, **kwargs)
    return notification


@pytest.mark.django_db
def test_the_bell_shows_my_own_unread_count_with_one_count_query(client, reader, other, home_page):
    for _ in range(3):
        _notify(reader)
    _notify(other)
    client.force_login(reader)
    client.get("/")  # warm the caches (site, navigation, restrictions)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")

    assert "Notifications, 3 non lues" in response.text
    counts = [q["sql"] for q in queries if "participation_notification" in q["sql"]]
    assert len(counts) == 1 and "COUNT" in counts[0].upper()

    client.force_login(other)
    assert "Notifications, 1 non lue" in client.get("/").text


@pytest.mark.django_db
def test_the_bell_is_only_for_logged_in_people(client, home_page):
    response = client.get(reverse("login"))
    assert "notification-bell" not in response.text


@pytest.mark.django_db
def test_the_list_is_mine_newest_first_unread_marked(client, reader, other, home_page):
    _notify(reader, message="Première")
    _notify(reader, message="Seconde")
    _notify(other, message="Pas pour vous")
    client.force_login(reader)

    response = client.get(LIST)

    text = response.text
    assert text.index("Seconde") < text.index("Première")
    assert "Pas pour vous" not in text
    assert text.count("notification--unread") == 2
    assert "Tout marquer comme lu" in text


@pytest.mark.django_db
def test_the_list_is_paginated(client, reader, home_page):
    for number in range(25):
        _notify(reader, message=f"Message {number:02d}")
    client.force_login(reader)

    first, second = client.get(LIST), client.get(LIST, {"page": 2})

    assert "Message 24" in first.text and "Message 04" not in first.text
    assert "Message 04" in second.text and "Page 2 sur 2" in second.text


@pytest.mark.django_db
def test_opening_marks_read_and_goes_to_the_link(client, reader):
    notification = _notify(reader, url="/groupes/mobilite/")
    client.force_login(reader)

    response = client.get(reverse("participation:notification_open", args=[notification.pk]))

    assert response.status_code == 302 and response["Location"] == "/groupes/mobilite/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_an_outside_link_is_never_followed(client, reader):
    notification = _notify(reader, url="https://ailleurs.example.com/")
    client.force_login(reader)

    response = client.get(reverse("participation:notification_open", args=[notification.pk]))

    assert response["Location"] == LIST


@pytest.mark.django_db
def test_mark_one_read_is_a_post_and_twice_changes_nothing(client, reader):
    notification = _notify(reader)
    client.force_login(reader)
    url = reverse("participation:notification_read", args=[notification.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    notification.refresh_from_db()
    first_read = notification.read_at
    assert first_read is not None
    client.post(url)
    notification.refresh_from_db()
    assert notification.read_at == first_read


@pytest.mark.django_db
def test_mark_read_needs_the_csrf_token(reader):
    from django.test import Client

    notification = _notify(reader)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(reverse("participation:notification_read", args=[notification.pk]))

    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_mark_all_read_then_the_count_disappears(client, reader, other, home_page):
    _notify(reader)
    _notify(reader)
    theirs = _notify(other)
    client.force_login(reader)

    response = client.post(READ_ALL, follow=True)

    assert "non lue" not in response.text
    assert not Notification.objects.filter(recipient=reader, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_nobody_opens_or_marks_another_persons_notification(client, reader, other):
    theirs = _notify(other, message="Pour Marc seulement")
    client.force_login(reader)

    opened = client.get(reverse("participation:notification_open", args=[theirs.pk]))
    marked = client.post(reverse("participation:notification_read", args=[theirs.pk]))

    assert opened.status_code == 404 and marked.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_the_list_needs_a_login(client):
    response = client.get(LIST)
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db
def test_a_target_i_may_no_longer_view_loses_its_title(client, reader, home_page, private_group):
    page = ContentPageFactory(parent=home_page, title="Plan de formation")
    visible = _notify(reader, message="Nouveau : Plan de formation", target=page)
    secret = ContentPageFactory(parent=private_group, title="Budget confidentiel")
    hidden = _notify(reader, message="Nouveau : Budget confidentiel", target=secret)
    unpublished = ContentPageFactory(parent=home_page, title="Brouillon retiré")
    gone = _notify(reader, message="Nouveau : Brouillon retiré", target=unpublished)
    unpublished.unpublish()
    client.force_login(reader)

    response = client.get(LIST)

    assert "Plan de formation" in response.text
    assert "Budget confidentiel" not in response.text
    assert "Brouillon retiré" not in response.text
    assert response.text.count("Contenu que vous ne pouvez plus consulter") >= 2
    opened = client.get(reverse("participation:notification_open", args=[hidden.pk]))
    assert opened["Location"] == LIST
    assert visible.pk and gone.pk


@pytest.mark.django_db
def test_preferences_per_kind(client, reader):
    client.force_login(reader)
    page = client.get(PREFERENCES)
    assert page.status_code == 200
    assert "Quelqu’un m’a mentionné" in page.text or "mentionn" in page.text

    data = dict.fromkeys(NotificationKind.values, Channel.IN_APP)
    data[NotificationKind.FOLLOWED_CONTENT] = Channel.EMAIL
    client.post(PREFERENCES, data)
    client.post(PREFERENCES, data)  # a double submission changes nothing

    assert NotificationPreference.objects.filter(user=reader).count() == len(NotificationKind)
    channels = NotificationPreference.channels_for([reader], NotificationKind.FOLLOWED_CONTENT)
    assert channels[reader.pk] == Channel.EMAIL


@pytest.mark.django_db
def test_preferences_refuse_an_unknown_channel_in_french(client, reader):
    client.force_login(reader)
    data = dict.fromkeys(NotificationKind.values, Channel.IN_APP)
    data[NotificationKind.MENTION] = "pigeon"

    response = client.post(PREFERENCES, data)

    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text
    assert not NotificationPreference.objects.filter(user=reader).exists()
