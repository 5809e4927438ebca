"""Login throttling (django-axes): a username and an address are locked after five wrong
passwords, with a French page; editors unlock from the Wagtail admin. The password-reset form
is rate-limited per address and per email."""

import re

from django.core import mail

import pytest
from axes.models import AccessAttempt

from home.roles import editors_group_sync
from tests.factories import UserFactory

PASSWORD = "un-mot-de-passe-correct"  # noqa: S105
LOCKED_MESSAGE = "la connexion à ce compte depuis votre poste est bloquée"


@pytest.fixture(autouse=True)
def _axes_on(settings):
    # Off in the test settings for Django's client.login(); on here, as in production.
    settings.AXES_ENABLED = True


@pytest.fixture
def person(db):
    user = UserFactory(username="camille", email="camille@trame.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def _log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/connexion/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        _log_in(client, username, "mauvais", address)


def _without_tokens(response) -> str:
    return re.sub(r'value="[^"]{40,}"', "", response.content.decode())


def test_four_wrong_passwords_still_let_the_right_one_in(client, person):
    _fail(client, "camille", 4)

    response = _log_in(client, "camille", PASSWORD)

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()  # reset on success


def test_the_fifth_wrong_password_locks_even_the_right_one_out(client, person):
    _fail(client, "camille", 4)
    assert LOCKED_MESSAGE in _log_in(client, "camille", "mauvais").content.decode()

    response = _log_in(client, "camille", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_MESSAGE in page
    assert "Réessayez dans 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_one_username_from_one_address(client, person):
    _fail(client, "camille", 5)

    assert _log_in(client, "camille", PASSWORD, address="10.0.0.2").status_code == 302


def test_an_unknown_username_is_locked_with_the_same_page(client, person):
    _fail(client, "camille", 5)
    _fail(client, "personne-inconnue", 5)

    known = _log_in(client, "camille", PASSWORD)
    unknown = _log_in(client, "personne-inconnue", PASSWORD)

    assert known.status_code == unknown.status_code == 429
    assert _without_tokens(known) == _without_tokens(unknown)


@pytest.fixture
def editor(db):
    user = UserFactory(username="editrice")
    user.groups.add(editors_group_sync())
    return user


def test_an_editor_sees_the_lockout_and_unlocks_the_account(client, person, editor):
    _fail(client, "camille", 5)
    client.force_login(editor)

    listing = client.get("/admin/lockouts/")
    assert listing.status_code == 200
    assert "camille" in listing.content.decode()
    assert "Bloqué" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="camille")
    confirmation = client.get(f"/admin/lockouts/delete/{attempt.pk}/")
    assert "Débloquer le compte « camille »" in confirmation.content.decode()
    unlocked = client.post(f"/admin/lockouts/delete/{attempt.pk}/", follow=True)
    assert "« camille » peut de nouveau se connecter" in unlocked.content.decode()
    client.logout()

    assert _log_in(client, "camille", PASSWORD).status_code == 302


def test_a_group_lead_without_the_permission_cannot_see_lockouts(client, person):
    from django.contrib.auth.models import Permission

    lead = UserFactory()
    lead.user_permissions.add(Permission.objects.get(codename="access_admin"))
    _fail(client, "camille", 5)
    client.force_login(lead)

    response = client.get("/admin/lockouts/")

    assert response.status_code in (302, 403)
    assert "camille" not in response.content.decode()
    attempt = AccessAttempt.objects.get(username="camille")
    client.post(f"/admin/lockouts/delete/{attempt.pk}/")
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def _ask_reset(client, email, address="10.0.0.1"):
    return client.post("/mot-de-passe/oubli/", {"email": email}, REMOTE_ADDR=address)


def test_the_password_reset_form_is_limited_per_email(client, person):
    for _ in range(3):
        assert _ask_reset(client, "camille@trame.example").status_code == 302

    refused = _ask_reset(client, "Camille@Trame.example ", address="10.0.0.9")

    assert refused.status_code == 429
    assert "Trop de demandes de réinitialisation" in refused.content.decode()
    assert len(mail.outbox) == 3


def test_the_password_reset_form_is_limited_per_address(client, person):
    for n in range(10):
        assert _ask_reset(client, f"quelqu-un-{n}@trame.example").status_code == 302

    assert _ask_reset(client, "camille@trame.example").status_code == 429
    assert mail.outbox == []


def test_the_reset_limit_answers_alike_for_unknown_emails(client, person):
    for email in ("camille@trame.example", "inconnu@trame.example"):
        for _ in range(3):
            _ask_reset(client, email)
    known = _ask_reset(client, "camille@trame.example", address="10.0.0.7")
    unknown = _ask_reset(client, "inconnu@trame.example", address="10.0.0.8")

    assert known.status_code == unknown.status_code == 429
    assert _without_tokens(known).replace("camille", "X") == _without_tokens(unknown).replace(
        "inconnu", "X"
    )
