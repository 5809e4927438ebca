"""Following thematics and groups, "Mon fil" and the digest email."""

import datetime
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from groups.follows import (
    digests_send,
    follow_set,
    unsubscribe_token,
    user_from_unsubscribe_token,
)
from groups.models import Follow, Profile
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_following_from_the_hub_and_the_group_page(client, hub, open_group, outsider):
    client.force_login(outsider)
    for _ in range(2):  # a double submission follows once
        client.post(f"/reseau/suivre/thematique/{hub.thematic.pk}/", {"follow": "1"})
    client.post(f"/reseau/suivre/groupe/{open_group.pk}/", {"follow": "1"})
    assert Follow.objects.filter(user=outsider).count() == 2
    assert "Suivi · ne plus suivre" in client.get(hub.url).content.decode()
    client.post(f"/reseau/suivre/groupe/{open_group.pk}/", {"follow": "0"})
    assert not Follow.objects.filter(user=outsider, group=open_group).exists()


def test_a_hidden_group_cannot_be_followed(client, private_group, outsider):
    client.force_login(outsider)
    response = client.post(f"/reseau/suivre/groupe/{private_group.pk}/", {"follow": "1"})
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_my_feed_shows_what_i_follow_newest_first(client, hub, open_group, outsider):
    NewsPageFactory(
        parent=open_group,
        title="Nouvelle plus récente",
        first_published_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    client.force_login(outsider)
    assert "Nouvelle ouverte" not in client.get("/reseau/mon-fil/").content.decode()
    follow_set(user=outsider, thematic=hub.thematic, follow=True)
    text = client.get("/reseau/mon-fil/").content.decode()
    assert text.index("Nouvelle plus récente") < text.index("Nouvelle ouverte")


def test_digest_frequency_is_chosen_in_my_feed(client, outsider):
    client.force_login(outsider)
    response = client.post("/reseau/mon-fil/", {"digest_frequency": "daily"}, follow=True)
    assert "Votre préférence de courriel est enregistrée." in response.content.decode()
    assert Profile.objects.get(user=outsider).digest_frequency == "daily"
    response = client.post("/reseau/mon-fil/", {"digest_frequency": "hourly"}, follow=True)
    assert "Choisissez à quelle fréquence" in response.content.decode()


def test_digest_is_french_text_and_html_with_an_unsubscribe_link(open_group, outsider):
    Profile.objects.update(digest_frequency="off")
    Profile.objects.filter(user=outsider).update(digest_frequency="weekly")
    follow_set(user=outsider, group=open_group, follow=True)
    call_command("send_digests", "--frequency", "weekly", stdout=__import__("io").StringIO())
    (message,) = mail.outbox
    assert message.subject == "Les nouveautés de ce que vous suivez sur Trame"
    assert "Bonjour Léa," in message.body
    assert "Nouvelle ouverte" in message.body
    html = message.alternatives[0].content
    assert message.alternatives[0].mimetype == "text/html"
    assert "Se désabonner" in html
    # The link's token is signed with a timestamp: read it back rather than sign again.
    token = re.search(r"/reseau/lettre/desabonnement/([^/\s]+)/", message.body).group(1)
    assert user_from_unsubscribe_token(token) == outsider
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")


def test_nothing_new_sends_nothing_and_a_digest_is_not_repeated(open_group, outsider):
    Profile.objects.update(digest_frequency="off")
    Profile.objects.filter(user=outsider).update(digest_frequency="daily")
    follow_set(user=outsider, group=open_group, follow=True)
    assert digests_send(frequency="daily") == 1
    assert digests_send(frequency="daily") == 0  # already told
    assert digests_send(frequency="weekly") == 0  # not their frequency
    later = timezone.now() + datetime.timedelta(days=3)
    assert digests_send(frequency="daily", now=later) == 0  # older than a day


def test_unsubscribing_without_logging_in(client, outsider):
    token = unsubscribe_token(outsider)
    url = f"/reseau/lettre/desabonnement/{token}/"
    assert "Se désabonner" in client.get(url).content.decode()
    response = client.post(url)
    assert "Vous ne recevrez plus la lettre récapitulative." in response.content.decode()
    assert Profile.objects.get(user=outsider).digest_frequency == "off"
    assert client.get("/reseau/lettre/desabonnement/faux/").status_code == 400


def test_deleting_a_group_drops_its_django_groups(open_group):
    from django.contrib.auth.models import Group

    from wagtail.models import Workflow

    group_ids = [open_group.members_group_id, open_group.leads_group_id]
    open_group.delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()
    assert not Workflow.objects.filter(name__contains="Référents entreprises").exists()
