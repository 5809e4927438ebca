from django.core import mail
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

LOGIN_URL = "/connexion/"


@pytest.mark.parametrize(
    "page_key", ["home", "news_index", "news", "event_index", "event", "content"]
)
def test_anonymous_visitor_is_sent_to_the_login_page(client, site_pages, page_key):
    url = site_pages[page_key].url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next={url}"


@pytest.mark.parametrize(
    "url",
    ["/recherche/?q=test", "/agenda/ical/", "/admin/", "/documents/1/fichier.pdf", "/media/x.png"],
)
def test_other_urls_need_login_too(client, site_pages, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_healthz_is_open_and_answers_json(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_login_page_is_french_and_in_the_site_design(client, db):
    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="fr"' in html
    assert "Connexion à Trame" in html
    assert 'for="id_username"' in html and 'for="id_password"' in html
    assert "Mot de passe oublié ?" in html


def test_professional_logs_in_and_reaches_the_page_asked_for(client, professional, site_pages):
    response = client.post(
        LOGIN_URL,
        {"username": "professionnel", "password": "mot-de-passe-de-test", "next": "/le-reseau/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/le-reseau/"
    assert client.get("/le-reseau/").status_code == 200


def test_wrong_password_gives_a_french_error(client, professional):
    response = client.post(LOGIN_URL, {"username": "professionnel", "password": "faux"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_logout_needs_a_post_and_ends_the_session(professional_client, site_pages):
    response = professional_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert professional_client.get("/").status_code == 302


def test_password_reset_sends_a_french_email(client, professional):
    response = client.post(reverse("password_reset"), {"email": professional.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Trame : choisir un nouveau mot de passe"
    assert "/mot-de-passe/nouveau/" in message.body
    assert "professionnel" in message.body


def test_password_reset_does_not_reveal_unknown_addresses(client, db):
    response = client.post(reverse("password_reset"), {"email": "inconnu@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_wagtail_admin_sends_anonymous_users_to_the_site_login(client, db):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_media_serves_images_only_and_to_logged_in_users(professional_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "prive.pdf").write_bytes(b"%PDF secret")
    assert professional_client.get("/media/images/logo.png").status_code == 200
    assert professional_client.get("/media/documents/prive.pdf").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/media/images/../documents/prive.pdf",
        "/media/images/%2e%2e/documents/prive.pdf",
        "/media/avatar_images/..%2fdocuments/prive.pdf",
        "/media/images/./../documents/prive.pdf",
    ],
)
def test_media_never_serves_a_document_through_an_image_folder(
    professional_client, settings, tmp_path, url
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "prive.pdf").write_bytes(b"%PDF secret")
    assert professional_client.get(url).status_code == 404


def test_media_serves_the_admin_profile_pictures(professional_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "avatar_images").mkdir()
    (tmp_path / "avatar_images" / "avatar_1.jpg").write_bytes(b"\xff\xd8 fake")
    assert professional_client.get("/media/avatar_images/avatar_1.jpg").status_code == 200
