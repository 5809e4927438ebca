"""What SSO changes for the login page and the password form, as configured by the
environment (no provider needed here: nothing leaves Trame)."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/connexion/"
PASSWORD = "mot-de-passe-de-test"  # noqa: S105 - tests.factories.users.PASSWORD
REFUSAL = "La connexion par mot de passe est réservée aux comptes de secours"


@pytest.fixture
def sso_on(settings):
    settings.TRAME_OIDC_ENABLED = True
    settings.TRAME_OIDC_PROVIDER_NAME = "ProConnect"
    settings.TRAME_OIDC_ISSUER = "http://127.0.0.1:9/openid"  # never asked by these tests
    settings.OIDC_RP_CLIENT_ID = "trame"
    return settings


def test_sso_is_off_by_default_the_login_page_has_the_password_form_only(client, settings):
    assert settings.TRAME_OIDC_ENABLED is False
    html = client.get(LOGIN_URL).content.decode()

    assert "Se connecter avec" not in html
    assert 'name="password"' in html
    assert client.get("/connexion/sso/").status_code == 404
    assert client.get("/connexion/sso/retour/?code=x&state=y").status_code == 404


def test_the_providers_button_comes_first_when_sso_is_on(client, sso_on):
    html = client.get(f"{LOGIN_URL}?next=/recherche/").content.decode()

    button = html.index("Se connecter avec ProConnect")
    assert button < html.index('name="password"')
    assert 'href="/connexion/sso/?next=/recherche/"' in html
    assert "Ou avec votre mot de passe Trame" in html


def test_local_accounts_keep_working_while_sso_is_not_required(client, sso_on):
    UserFactory(username="locale")

    response = client.post(LOGIN_URL, {"username": "locale", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_required_sso_refuses_the_password_form_in_french(client, sso_on):
    sso_on.TRAME_OIDC_REQUIRED = True
    sso_on.TRAME_OIDC_PASSWORD_LOGIN_USERS = ["secours"]
    UserFactory(username="locale")

    response = client.post(LOGIN_URL, {"username": "locale", "password": PASSWORD})

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "Comptes de secours uniquement" in client.get(LOGIN_URL).content.decode()


def test_required_sso_still_lets_the_break_glass_administrator_in(client, sso_on):
    sso_on.TRAME_OIDC_REQUIRED = True
    sso_on.TRAME_OIDC_PASSWORD_LOGIN_USERS = ["secours"]
    UserFactory(username="secours", is_superuser=True, is_staff=True)

    response = client.post(LOGIN_URL, {"username": "secours", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_required_sso_without_sso_enabled_changes_nothing(client, settings):
    settings.TRAME_OIDC_REQUIRED = True
    UserFactory(username="locale")

    response = client.post(LOGIN_URL, {"username": "locale", "password": PASSWORD})

    assert response.status_code == 302


def test_an_unreachable_provider_is_said_in_french(client, sso_on):
    response = client.get("/connexion/sso/", follow=True)

    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert "Le fournisseur d’identité ne répond pas" in response.content.decode()
