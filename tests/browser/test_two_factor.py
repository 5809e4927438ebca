"""An editor sets up the second factor in a real browser: reads the secret shown, types the
code their app would give, reaches the admin; later logs in again with a recovery code."""

from base64 import b32decode

import pytest
from django_otp.oath import totp

from .conftest import DEMO_PASSWORD, log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"  # in the editors' group (groups/demo.py)


def code_for(secret_shown: str) -> str:
    """What an authenticator app shows for the secret typed in by hand."""
    return f"{totp(b32decode(secret_shown.replace(' ', ''))):06d}"


def test_an_editor_sets_up_the_second_factor_and_reaches_the_dashboard(
    page, demo_site, settings, assert_accessible
):
    settings.TRAME_REQUIRE_2FA_FOR_STAFF = True
    base = demo_site.url
    log_in(page, base, username=EDITOR)

    page.goto(f"{base}/admin/")
    assert "/compte/double-authentification/activer/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Activer la double authentification"
    )
    assert page.get_by_role("img", name="ajoutez un compte et scannez ce QR code").is_visible()
    assert_accessible(page, "la mise en place de la double authentification")

    page.get_by_label("Code de l’application").fill("000000")
    page.get_by_role("button", name="Activer la double authentification").click()
    assert page.get_by_role("alert").inner_text().startswith("Ce code n’est pas valide.")
    assert page.get_by_label("Code de l’application").get_attribute("aria-invalid") == "true"

    secret = page.inner_text("#two-factor-secret")
    page.wait_for_timeout(1_100)  # the wait that follows a wrong code
    page.get_by_label("Code de l’application").fill(code_for(secret))
    page.get_by_role("button", name="Activer la double authentification").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vos codes de secours"
    codes = page.get_by_role("list", name="Codes de secours").locator("code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page, "les codes de secours")

    with page.expect_navigation():
        page.get_by_role("link", name="J’ai conservé mes codes, continuer").click()
    assert page.url == f"{base}/admin/"
    assert "Tableau de bord" in page.title()

    # A new session: the password, then a recovery code, then the dashboard again.
    page.context.clear_cookies()
    page.goto(f"{base}/admin/")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("form[action='/connexion/'] button[type=submit]")
    assert "/connexion/verification/" in page.url
    assert_accessible(page, "la vérification du second facteur")
    page.get_by_label("Code de l’application ou code de secours").fill(codes[0])
    with page.expect_navigation():
        page.get_by_role("button", name="Vérifier").click()
    assert page.url == f"{base}/admin/"
    assert "Tableau de bord" in page.title()
