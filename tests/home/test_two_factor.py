"""Second factor: editors and administrators give a code before any admin page; anyone may
opt in; recovery codes work once; wrong codes are refused in French."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from urllib.parse import quote

from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.roles import editors_group_sync
from home.two_factor.services import recovery_codes_regenerate
from tests.factories import TOTPDeviceFactory, UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

SETUP_URL = "/compte/double-authentification/activer/"
VERIFY_URL = "/connexion/verification/"
MANAGE_URL = "/compte/double-authentification/"
WRONG_CODE_MESSAGE = "Ce code n’est pas valide."


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def page_text(response) -> str:
    return response.content.decode()


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.TRAME_REQUIRE_2FA_FOR_STAFF = True


@pytest.fixture
def editor(home_page):
    user = UserFactory(username="editrice")
    user.groups.add(editors_group_sync())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def editor_device(editor):
    return TOTPDeviceFactory(user=editor)


def log_in(client, username: str):
    response = client.post("/connexion/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, page_text(response)[:500]
    return response


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/pages/", "/admin/documents/", "/admin/account/"]
)
def test_an_editor_without_a_device_is_sent_to_the_setup_before_any_admin_page(editor_client, url):
    response = editor_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP_URL}?next={quote(url, safe='')}"


def test_an_administrator_without_a_device_is_sent_to_the_setup_too(client, home_page):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_an_editor_may_still_read_the_intranet_before_setting_it_up(editor_client):
    assert editor_client.get("/").status_code == 200


def test_the_requirement_can_be_turned_off_as_in_development(editor_client, settings):
    settings.TRAME_REQUIRE_2FA_FOR_STAFF = False
    assert editor_client.get("/admin/").status_code == 200


def test_the_setup_shows_a_qr_code_and_the_secret_as_text(editor_client, editor):
    response = editor_client.get(SETUP_URL)
    html = page_text(response)
    assert response.status_code == 200
    assert "Activer la double authentification" in html
    assert "<svg" in html and 'role="img"' in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading keeps the same secret: the code already scanned stays good.
    assert secret in page_text(editor_client.get(SETUP_URL))
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert device.config_url.startswith("otpauth://totp/Trame%3Aeditrice?")


def test_the_setup_refuses_a_wrong_code_in_french(editor_client, editor):
    editor_client.get(SETUP_URL)
    response = editor_client.post(SETUP_URL, {"code": "000000", "next": "/admin/"})
    html = page_text(response)
    assert response.status_code == 400
    assert WRONG_CODE_MESSAGE in html
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert editor_client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_the_setup_with_the_right_code_shows_recovery_codes_and_opens_the_admin(
    editor_client, editor
):
    editor_client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)
    response = editor_client.post(SETUP_URL, {"code": current_code(device), "next": "/admin/"})
    html = page_text(response)
    assert response.status_code == 200
    assert "Vos codes de secours" in html
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert 'href="/admin/"' in html
    assert editor_client.get("/admin/").status_code == 200


def test_an_editor_with_a_device_must_verify_before_anything(editor_client, editor_device):
    for url in ("/admin/", "/"):
        response = editor_client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{VERIFY_URL}?next={quote(url, safe='')}"
    verify_page = editor_client.get(f"{VERIFY_URL}?next=/admin/")
    assert verify_page.status_code == 200
    assert "Double authentification" in page_text(verify_page)

    response = editor_client.post(
        VERIFY_URL, {"code": current_code(editor_device), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert editor_client.get("/admin/").status_code == 200


def test_the_password_alone_leads_to_the_verification_step(client, editor_device):
    response = log_in(client, "editrice")
    assert client.get(response["Location"])["Location"].startswith(VERIFY_URL)


def test_a_wrong_code_is_refused_with_a_french_message(editor_client, editor_device):
    response = editor_client.post(VERIFY_URL, {"code": "123456", "next": "/admin/"})
    html = page_text(response)
    assert response.status_code == 400
    assert WRONG_CODE_MESSAGE in html
    assert 'role="alert"' in html
    assert 'aria-describedby="id_code_helptext id_code_errors"' in html
    assert editor_client.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_after_a_wrong_code_the_next_try_waits(editor_client, editor_device, monkeypatch):
    # The wait is one second: freeze django-otp's clock so a slow machine cannot outlive it.
    frozen = timezone.now()
    monkeypatch.setattr("django_otp.models.timezone.now", lambda: frozen)
    editor_client.post(VERIFY_URL, {"code": "123456"})
    response = editor_client.post(VERIFY_URL, {"code": current_code(editor_device)})
    assert response.status_code == 400
    assert "Trop de codes erronés : réessayez dans 1 seconde." in page_text(response)


def test_a_code_is_not_accepted_twice(client, editor_device):
    code = current_code(editor_device)
    log_in(client, "editrice")
    assert client.post(VERIFY_URL, {"code": code}).status_code == 302
    client.post(reverse("logout"))
    log_in(client, "editrice")
    assert client.post(VERIFY_URL, {"code": code}).status_code == 400


def test_a_recovery_code_works_once(client, editor, editor_device):
    codes = recovery_codes_regenerate(user=editor)
    log_in(client, "editrice")
    response = client.post(VERIFY_URL, {"code": codes[0].upper(), "next": "/admin/"}, follow=True)
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "Vous avez utilisé un code de secours : il vous en reste 9." in page_text(response)

    client.post(reverse("logout"))
    log_in(client, "editrice")
    response = client.post(VERIFY_URL, {"code": codes[0]})
    assert response.status_code == 400
    assert WRONG_CODE_MESSAGE in page_text(response)


def test_a_plain_professional_is_not_forced(professional_client):
    assert professional_client.get("/").status_code == 200
    response = professional_client.get("/admin/")
    assert not response.get("Location", "").startswith((SETUP_URL, VERIFY_URL))
    assert "Désactivée" not in page_text(professional_client.get(MANAGE_URL))


def test_a_professional_can_opt_in_and_is_then_asked_for_a_code(client, professional):
    client.force_login(professional)
    manage = page_text(client.get(MANAGE_URL))
    assert "État : désactivée" in manage
    assert f'href="{SETUP_URL}?next={MANAGE_URL}"' in manage

    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=professional)
    response = client.post(SETUP_URL, {"code": current_code(device), "next": MANAGE_URL})
    assert response.status_code == 200
    assert "État : activée" in page_text(client.get(MANAGE_URL))

    client.post(reverse("logout"))
    response = log_in(client, "professionnel")
    assert client.get(response["Location"])["Location"].startswith(VERIFY_URL)


def test_turning_it_off_needs_a_valid_code(editor_client, editor, editor_device):
    editor_client.post(VERIFY_URL, {"code": current_code(editor_device)})
    codes = recovery_codes_regenerate(user=editor)

    refused = editor_client.post(reverse("two_factor:disable"), {"code": "zzzzzzzz"})
    assert refused.status_code == 400
    assert "la double authentification reste activée" in page_text(refused)
    assert TOTPDevice.objects.filter(user=editor).exists()

    # Past the one-second wait that follows a wrong code.
    StaticDevice.objects.filter(user=editor).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=2)
    )
    response = editor_client.post(reverse("two_factor:disable"), {"code": codes[0]}, follow=True)
    assert "État : désactivée" in page_text(response)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert editor_client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_new_recovery_codes_replace_the_old_ones(editor_client, editor, editor_device):
    editor_client.post(VERIFY_URL, {"code": current_code(editor_device)})
    old_codes = recovery_codes_regenerate(user=editor)
    response = editor_client.post(reverse("two_factor:recovery_codes"))
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page_text(response))
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert StaticToken.objects.filter(token__in=old_codes).count() == 0


def test_the_admin_account_page_links_to_the_second_factor(editor_client, editor_device):
    editor_client.post(VERIFY_URL, {"code": current_code(editor_device)})
    html = page_text(editor_client.get(reverse("wagtailadmin_account")))
    assert f'href="{MANAGE_URL}"' in html
    assert "Double authentification" in html


def test_an_administrator_resets_a_lost_device_with_a_command(client, editor, editor_device):
    recovery_codes_regenerate(user=editor)
    out = StringIO()
    call_command("two_factor_reset", "editrice", stdout=out)
    assert "Second facteur supprimé pour « editrice »" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()

    log_in(client, "editrice")
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_production_settings_require_it_and_pass_the_deployment_checks():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": "test-only-dummy-secret-key-0123456789abcdefghijklmnopqrstuvwxyzABC",
        "ALLOWED_HOSTS": "trame.example",
    }
    environment.pop("DATABASE_URL", None)
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.management import call_command; "
        "print(settings.TRAME_REQUIRE_2FA_FOR_STAFF); "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "True"
