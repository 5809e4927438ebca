"""An SSO session is a Trame session like any other: the second factor still applies, and
logging out ends it and the provider's session (RP-initiated logout)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from home.roles import editors_group_sync
from tests.factories import TOTPDeviceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_logout_ends_the_trame_session_and_the_providers(sso_settings, browser, oidc_provider):
    browser.sso_login("camille")
    assert browser.get("/reseau/mon-profil/").url.endswith("/reseau/mon-profil/")

    leaving = browser.post("/deconnexion/", allow_redirects=False)

    provider_logout = urlsplit(leaving.headers["Location"])
    assert f"{provider_logout.scheme}://{provider_logout.netloc}" == oidc_provider.url
    assert provider_logout.path == "/openid/end-session"
    query = parse_qs(provider_logout.query)
    assert query["post_logout_redirect_uri"] == [f"{browser.trame_url}/connexion/"]
    assert query["id_token_hint"]
    back = browser.http.get(leaving.headers["Location"], timeout=30)
    assert back.url == f"{browser.trame_url}/connexion/"
    # Trame's session is gone, and so is the provider's: it asks for the password again.
    assert browser.get("/reseau/mon-profil/").url.split("?")[0].endswith("/connexion/")
    again = browser.get("/connexion/sso/", params={"next": "/"})
    assert again.url.startswith(f"{oidc_provider.url}/login/")


def test_a_password_session_logs_out_of_trame_only(sso_settings, live_server, browser):
    UserFactory(username="locale", password="mot-de-passe-local-42")  # noqa: S106
    browser.get("/connexion/")
    browser.post("/connexion/", {"username": "locale", "password": "mot-de-passe-local-42"})

    leaving = browser.post("/deconnexion/", allow_redirects=False)

    assert leaving.headers["Location"] == "/connexion/"


def test_an_sso_session_still_gives_its_second_factor(sso_settings, browser):
    helene = UserFactory(username="hdurand", email="helene.durand@ml-dijon.test")
    helene.groups.add(editors_group_sync())
    TOTPDeviceFactory(user=helene)

    page = browser.sso_login("helene", next_path="/admin/")

    assert urlsplit(page.url).path == "/connexion/verification/"
    assert "Double authentification" in page.text
    assert urlsplit(browser.get("/admin/").url).path == "/connexion/verification/"


def test_sso_works_with_the_login_throttling_of_production(sso_settings, browser):
    """django-axes is first among the backends: the provider's callback goes through it."""
    sso_settings.AXES_ENABLED = True

    page = browser.sso_login("ines")

    assert page.url.endswith("/reseau/mon-profil/")
    assert "Inès Moreau" in page.text
