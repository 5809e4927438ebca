"""« J'ai lu »: POST only, with the CSRF token, once per person whatever the clicks, and
only for a notice addressed to the person on a page they may view."""

from unittest import mock

from django.db import IntegrityError
from django.test import Client

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notices.models import Acknowledgement
from participation.notices.services import must_read_acknowledge
from participation.notify import notify

from .conftest import make_notice, person

pytestmark = pytest.mark.django_db


def ack_url(notice):
    return f"/a-lire/{notice.pk}/lu/"


def test_a_double_click_makes_one_acknowledgement(client, resource, network, adviser_role):
    notice = make_notice(resource, job_roles=[adviser_role])
    client.force_login(network["adviser_dijon"])

    first = client.post(ack_url(notice), follow=True)
    second = client.post(ack_url(notice), follow=True)

    assert Acknowledgement.objects.filter(must_read=notice).count() == 1
    assert first.redirect_chain[-1][0] == resource.url
    assert "Merci : votre lecture est enregistrée." in first.content.decode()
    assert "Votre lecture était déjà enregistrée." in second.content.decode()


def test_a_concurrent_insert_is_not_an_error(resource, network, adviser_role):
    notice = make_notice(resource, job_roles=[adviser_role])
    reader = network["adviser_dijon"]
    Acknowledgement.objects.create(must_read=notice, user=reader)  # the other request won

    with mock.patch.object(
        Acknowledgement.objects, "get_or_create", side_effect=IntegrityError("unique")
    ):
        acknowledgement, created = must_read_acknowledge(notice, reader)

    assert not created
    assert acknowledgement.user == reader
    assert Acknowledgement.objects.count() == 1


def test_get_is_refused_and_post_needs_the_csrf_token(resource, network, adviser_role):
    notice = make_notice(resource, job_roles=[adviser_role])
    client = Client(enforce_csrf_checks=True)
    client.force_login(network["adviser_dijon"])

    assert client.get(ack_url(notice)).status_code == 405
    assert client.post(ack_url(notice)).status_code == 403
    assert not Acknowledgement.objects.exists()


def test_the_banner_form_carries_the_token_and_works(resource, network, adviser_role):
    notice = make_notice(resource, job_roles=[adviser_role])
    client = Client(enforce_csrf_checks=True)
    client.force_login(network["adviser_dijon"])

    page = client.get(resource.url)
    token = page.context["csrf_token"]

    assert f'action="{ack_url(notice)}"' in page.content.decode()
    assert client.post(ack_url(notice), {"csrfmiddlewaretoken": str(token)}).status_code == 302
    assert Acknowledgement.objects.filter(must_read=notice).count() == 1


def test_someone_not_addressed_gets_a_404(client, resource, network, dijon, adviser_role):
    notice = make_notice(resource, structures=[dijon], job_roles=[adviser_role])
    client.force_login(network["adviser_besancon"])

    assert client.post(ack_url(notice)).status_code == 404
    assert "J'ai lu" not in client.get(resource.url).content.decode()
    assert not Acknowledgement.objects.exists()


def test_someone_who_may_not_view_the_page_gets_a_404(client, private_resource, network):
    notice = make_notice(private_resource)  # the whole network, but a members-only page
    client.force_login(network["adviser_dijon"])

    assert client.post(ack_url(notice)).status_code == 404
    assert not Acknowledgement.objects.exists()


def test_the_banner_is_shown_until_read_and_the_notification_is_marked_read(
    client, resource, network, adviser_role
):
    notice = make_notice(resource, job_roles=[adviser_role])
    reader = network["adviser_dijon"]
    notify([reader], NotificationKind.MUST_READ, message="À lire", url=resource.url, target=notice)
    client.force_login(reader)

    assert "J'ai lu" in client.get(resource.url).content.decode()
    client.post(ack_url(notice))

    assert "J'ai lu" not in client.get(resource.url).content.decode()
    assert Notification.objects.get(recipient=reader).read_at is not None


def test_an_inactive_account_cannot_acknowledge(client, resource, adviser_role):
    gone = person("partie", job_role=adviser_role)
    notice = make_notice(resource, job_roles=[adviser_role])
    gone.is_active = False
    gone.save()
    client.force_login(gone)

    response = client.post(ack_url(notice))

    assert response.status_code in (302, 404)
    assert not Acknowledgement.objects.exists()
