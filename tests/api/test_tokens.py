"""Personal tokens: stored as a digest, usable until revoked or expired (then 401 in
French), scoped, with their last use recorded; created and revoked from the profile."""

import datetime
import hashlib

from django.test import Client
from django.utils import timezone

import pytest

from api.models import ApiToken
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def test_the_token_is_stored_as_a_sha256_digest_only(outsider):
    client, clear = token_client(outsider)
    token = ApiToken.objects.get()
    assert clear.startswith(f"trame_{token.prefix}_") and len(clear) > 50
    assert token.digest == hashlib.sha256(clear.encode()).hexdigest()
    assert clear not in {token.digest, token.prefix, token.name}
    assert token.last_used_at is None
    assert client.get("/api/v1/structures/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "change,message",
    [
        ({"revoked_at": timezone.now()}, "Ce jeton d'API a été révoqué."),
        (
            {"expires_at": timezone.now() - datetime.timedelta(minutes=1)},
            "Ce jeton d'API a expiré.",
        ),
    ],
    ids=["revoked", "expired"],
)
def test_a_revoked_or_expired_token_is_a_401_in_french(outsider, change, message):
    client, _ = token_client(outsider)
    ApiToken.objects.update(**change)
    response = client.get("/api/v1/news/")
    assert response.status_code == 401
    assert response.json() == {"detail": message}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_tampered_token_is_unknown(outsider):
    _client, clear = token_client(outsider)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {clear[:-2]}xx").get("/api/v1/news/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Jeton d'API inconnu."}


def test_no_credentials_is_a_401_in_french_not_a_login_redirect(db):
    response = Client().get("/api/v1/pages/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Informations d'authentification non fournies."}


def test_a_disabled_account_token_stops_working(outsider):
    client, _ = token_client(outsider)
    outsider.is_active = False
    outsider.save()
    assert client.get("/api/v1/news/").status_code == 401


def test_the_session_reads_the_api_too(professional_client):
    assert professional_client.get("/api/v1/structures/").status_code == 200


def test_a_token_is_created_in_the_profile_and_shown_once(professional_client, professional):
    page = professional_client.get("/reseau/mon-profil/")
    assert 'href="/reseau/mon-profil/jetons-api/"' in page.content.decode()
    response = professional_client.post(
        "/reseau/mon-profil/jetons-api/", {"name": "Tableau de bord", "scope": "write"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Copiez-le maintenant : il ne sera plus affiché." in html
    token = ApiToken.objects.get(user=professional)
    assert token.scope == "write"
    clear = html.split('id="new-token" type="text" readonly value="', 1)[1].split('"', 1)[0]
    assert hashlib.sha256(clear.encode()).hexdigest() == token.digest
    assert "no-store" in response["Cache-Control"]
    listing = professional_client.get("/reseau/mon-profil/jetons-api/").content.decode()
    assert "Tableau de bord" in listing and clear not in listing
    assert f"trame_{token.prefix}_…" in listing


def test_a_past_expiry_date_is_refused_in_french(professional_client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = professional_client.post(
        "/reseau/mon-profil/jetons-api/",
        {"name": "Vieux", "scope": "read", "expires_on": yesterday.isoformat()},
    )
    assert response.status_code == 400
    assert "Choisissez un jour postérieur à aujourd&#x27;hui." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_asks_for_confirmation_then_the_token_gives_401(professional_client, professional):
    client, _ = token_client(professional)
    token = ApiToken.objects.get()
    url = f"/reseau/mon-profil/jetons-api/{token.pk}/revoquer/"
    preview = professional_client.get(url)
    assert "Révoquer le jeton « Outil » ?" in preview.content.decode()
    assert client.get("/api/v1/news/").status_code == 200  # nothing changed yet
    professional_client.post(url)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/news/").status_code == 401


def test_nobody_revokes_someone_elses_token(professional_client, outsider):
    token_client(outsider)
    token = ApiToken.objects.get()
    response = professional_client.post(f"/reseau/mon-profil/jetons-api/{token.pk}/revoquer/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_reads_are_rate_limited_per_token_in_french(settings, outsider):
    settings.TRAME_API_RATE_READ = "2/min"
    client, _ = token_client(outsider)
    other, _ = token_client(outsider)
    assert [client.get("/api/v1/structures/").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/structures/").json()["detail"].startswith("Requête ralentie")
    assert other.get("/api/v1/structures/").status_code == 200  # another token, its own count
