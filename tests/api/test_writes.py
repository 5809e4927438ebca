"""Writing news and resources through the API: only those who may on the site, every
change a revision, moderation respected, concurrent edits refused, files checked."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

import pytest

from home.models import NewsPage
from resources.models import DocumentVersion, ResourcePage
from tests.api.conftest import token_client
from tests.uploads.corpus import DOCUMENT, SIZE_LIMIT, just_over_limit, wrong_extension

pytestmark = pytest.mark.django_db


def news_payload(group, **extra):
    return {"parent_id": group.pk, "title": "Réunion de rentrée", "summary": "Le point.",
            "body": "Premier paragraphe.\n\n<script>alert(1)</script>", **extra}  # fmt: skip


def test_a_lead_publishes_a_news_item_in_their_group(open_group, lead, member):
    client, _ = token_client(lead, scope="write")
    response = client.post(
        "/api/v1/news/", news_payload(open_group, action="publish"), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["outcome"] == "published"
    page = NewsPage.objects.get(pk=data["id"])
    assert page.live and page.get_parent().pk == open_group.pk
    assert page.revisions.count() == 1
    assert response["ETag"] == f'"rev-{page.latest_revision_id}"'
    # What others now read, escaped: no HTML from outside reaches the page.
    reader, _ = token_client(member)
    body = reader.get(f"/api/v1/news/{page.pk}/").json()["fields"]["body"]
    assert "&lt;script&gt;" in body[0]["value"] and "<script>" not in body[0]["value"]


def test_a_draft_is_saved_as_a_revision_and_stays_unpublished(private_group, lead, member):
    client, _ = token_client(lead, scope="write")
    response = client.post("/api/v1/news/", news_payload(private_group),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    page = NewsPage.objects.get(pk=response.json()["id"])
    assert not page.live and page.revisions.count() == 1
    reader, _ = token_client(member)
    assert reader.get(f"/api/v1/news/{page.pk}/").status_code == 404


def test_submitting_starts_the_groups_moderation_workflow(private_group, lead):
    client, _ = token_client(lead, scope="write")
    response = client.post(
        "/api/v1/news/", news_payload(private_group, action="submit"),
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["outcome"] == "submitted"
    assert NewsPage.objects.get(pk=response.json()["id"]).workflow_in_progress


def test_a_plain_member_may_not_write_pages_as_on_the_site(private_group, member):
    client, _ = token_client(member, scope="write")
    response = client.post("/api/v1/news/", news_payload(private_group),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Seuls les animateurs de groupe et les éditeurs peuvent écrire des pages."
    )
    assert not NewsPage.objects.filter(title="Réunion de rentrée").exists()


def test_an_editor_writes_in_any_group(private_group, editor):
    client, _ = token_client(editor, scope="write")
    response = client.post("/api/v1/news/", news_payload(private_group, action="publish"),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    assert response.json()["outcome"] == "published"


def test_a_lead_cannot_write_in_a_group_they_do_not_lead(private_group, open_group, member):
    """A member of X who leads no group has no admin access: refused whatever the parent."""
    client, _ = token_client(member, scope="write")
    response = client.post("/api/v1/news/", news_payload(open_group),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403


def test_a_read_only_token_cannot_write(open_group, lead):
    client, _ = token_client(lead, scope="read")
    response = client.post("/api/v1/news/", news_payload(open_group),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403
    assert "lecture seule" in response.json()["detail"]


def test_sending_the_same_news_twice_is_a_409(open_group, lead):
    client, _ = token_client(lead, scope="write")
    first = client.post("/api/v1/news/", news_payload(open_group), content_type="application/json")
    again = client.post("/api/v1/news/", news_payload(open_group), content_type="application/json")
    assert first.status_code == 201
    assert again.status_code == 409
    assert "existe déjà" in again.json()["detail"]
    assert NewsPage.objects.filter(title="Réunion de rentrée").count() == 1


def test_an_update_needs_the_current_etag(open_group, lead):
    client, _ = token_client(lead, scope="write")
    created = client.post("/api/v1/news/", news_payload(open_group, action="publish"),
                          content_type="application/json")  # fmt: skip
    url, etag = f"/api/v1/news/{created.json()['id']}/", created["ETag"]

    missing = client.patch(url, {"title": "Sans ETag"}, content_type="application/json")
    assert missing.status_code == 428
    assert "If-Match" in missing.json()["detail"]

    first = client.patch(url, {"title": "Titre corrigé", "action": "publish"},
                         content_type="application/json", HTTP_IF_MATCH=etag)  # fmt: skip
    assert first.status_code == 200, first.content
    assert first.json()["title"] == "Titre corrigé"
    # A second client that read the page before the first change:
    stale = client.patch(url, {"title": "Écrase tout"}, content_type="application/json",
                         HTTP_IF_MATCH=etag)  # fmt: skip
    assert stale.status_code == 412
    assert "modifiée depuis" in stale.json()["detail"]
    page = NewsPage.objects.get(pk=created.json()["id"])
    assert page.title == "Titre corrigé" and page.revisions.count() == 2


def test_session_writes_need_the_csrf_token(client, open_group, lead):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(lead)
    refused = browser.post("/api/v1/news/", news_payload(open_group),
                           content_type="application/json")  # fmt: skip
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    browser.get("/reseau/mon-profil/")  # sets the CSRF cookie, as a page of the site does
    token = browser.cookies["csrftoken"].value
    accepted = browser.post("/api/v1/news/", news_payload(open_group),
                            content_type="application/json", HTTP_X_CSRFTOKEN=token)  # fmt: skip
    assert accepted.status_code == 201


def resource_form(group, filename="guide.txt", data=b"Guide pratique du reseau.\n", **extra):
    return {"parent_id": group.pk, "title": "Guide d'accueil", "audience": "counsellors",
            "file": SimpleUploadedFile(filename, data), **extra}  # fmt: skip


def test_a_lead_creates_a_resource_with_its_file(private_group, lead, member, outsider):
    client, _ = token_client(lead, scope="write")
    response = client.post("/api/v1/resources/", resource_form(private_group, action="publish"))
    assert response.status_code == 201, response.content
    data = response.json()
    resource = ResourcePage.objects.get(pk=data["id"])
    document = resource.resource_documents.get().document
    assert document.collection_id == private_group.collection_id
    [listed] = data["documents"]
    assert listed["download_url"].endswith(document.url)
    # The download goes through the site's permission-checked serving.
    reader = token_client(member)[0]
    member_session = reader.__class__()
    member_session.force_login(member)
    assert member_session.get(document.url).status_code == 200
    outsider_session = reader.__class__()
    outsider_session.force_login(outsider)
    assert outsider_session.get(document.url).status_code == 404


@pytest.mark.parametrize("case", [wrong_extension(DOCUMENT), just_over_limit(DOCUMENT)],
                         ids=lambda case: case.name)  # fmt: skip
def test_a_hostile_or_oversized_file_is_refused_in_french(settings, open_group, lead, case):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = SIZE_LIMIT
    client, _ = token_client(lead, scope="write")
    response = client.post(
        "/api/v1/resources/", resource_form(open_group, case.filename, case.data)
    )
    assert response.status_code == 400
    data = response.json()
    assert data["detail"] == "Les données envoyées ne sont pas valides : voyez chaque champ."
    assert data["file"] and all(isinstance(message, str) for message in data["file"])
    print(data["file"])
    assert not ResourcePage.objects.filter(title="Guide d'accueil").exists()


def test_a_resource_without_a_file_is_refused(open_group, lead):
    client, _ = token_client(lead, scope="write")
    form = resource_form(open_group)
    del form["file"]
    response = client.post("/api/v1/resources/", form)
    assert response.status_code == 400
    assert response.json()["file"] == ["Envoyez le fichier de la ressource."]


def test_replacing_a_resources_file_keeps_the_previous_version(open_group, lead):
    client, _ = token_client(lead, scope="write")
    created = client.post("/api/v1/resources/", resource_form(open_group, action="publish"))
    url = f"/api/v1/resources/{created.json()['id']}/"
    body = encode_multipart(
        BOUNDARY, {"file": SimpleUploadedFile("guide-v2.txt", b"Seconde version du guide.\n")}
    )
    response = client.patch(
        url, body, content_type=MULTIPART_CONTENT, HTTP_IF_MATCH=created["ETag"]
    )
    assert response.status_code == 200, response.content
    document = ResourcePage.objects.get(pk=created.json()["id"]).resource_documents.get().document
    assert document.file.read() == b"Seconde version du guide.\n"
    assert DocumentVersion.objects.filter(document=document).count() == 1


def test_a_post_on_an_item_or_a_patch_on_a_list_is_a_405(open_group, lead):
    client, _ = token_client(lead, scope="write")
    news = open_group.news
    assert client.post(f"/api/v1/news/{news.pk}/", {}).status_code == 405
    assert client.patch("/api/v1/news/", {}, content_type="application/json").status_code == 405
    assert client.post("/api/v1/resources/1/", {}).status_code == 405
