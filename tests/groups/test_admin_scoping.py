"""The Wagtail admin is for leads and editors, and shows each of them only what they may
view: the lead of another group, given the id of a private page, document or image,
learns nothing about it (no title, URL, size or image)."""

import json

from django.contrib.auth.models import Permission

from wagtail.models import GroupCollectionPermission

import pytest

pytestmark = pytest.mark.django_db

SECRETS = ["Référents Justice", "Réunion confidentielle", "Nouvelle confidentielle"]
SECRET_FILES = ["Compte rendu secret", "compte-rendu", "Photo secrète", "photo-secrete"]


def assert_learns_nothing(client, url, secrets=SECRETS + SECRET_FILES):
    response = client.get(url)
    text = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(response.json(), ensure_ascii=False)
    for secret in secrets:
        assert secret not in text, (url, secret)
    return response


def test_plain_member_is_turned_away_from_the_admin(client, private_group, member):
    client.force_login(member)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert not member.has_perm("wagtailadmin.access_admin")
    response = client.get(f"/admin/pages/add/home/newspage/{private_group.pk}/")
    assert response.status_code == 302


def test_lead_and_editor_keep_the_admin(client, private_group, lead, editor):
    for user in (lead, editor):
        client.force_login(user)
        assert client.get("/admin/").status_code == 200


def test_lead_explores_their_own_private_group(client, private_group, lead):
    client.force_login(lead)
    response = client.get(f"/admin/pages/{private_group.pk}/")
    assert response.status_code == 200
    assert "Réunion confidentielle" in response.content.decode()


def test_other_lead_gets_not_found_for_the_private_page_by_id(client, private_group, other_lead):
    client.force_login(other_lead)
    group_id, meeting_id = private_group.pk, private_group.meeting.pk
    for url in [
        f"/admin/pages/{group_id}/",
        f"/admin/pages/{meeting_id}/edit/",
        f"/admin/pages/{meeting_id}/history/",
        f"/admin/pages/{meeting_id}/revisions/",
        f"/admin/choose-page/{group_id}/",
        f"/admin/api/main/pages/{meeting_id}/",
    ]:
        response = assert_learns_nothing(client, url)
        assert response.status_code == 404, url


def test_other_lead_page_chooser_and_its_search_omit_private_pages(
    client, private_group, other_lead
):
    client.force_login(other_lead)
    assert_learns_nothing(client, f"/admin/choose-page/{private_group.get_parent().pk}/")
    assert_learns_nothing(client, "/admin/choose-page/")
    for query in ["confidentielle", "Justice"]:
        response = assert_learns_nothing(client, f"/admin/choose-page/search/?q={query}")
        assert response.status_code == 200


def test_other_lead_explorer_and_page_search_omit_private_pages(client, private_group, other_lead):
    client.force_login(other_lead)
    assert_learns_nothing(client, f"/admin/pages/{private_group.get_parent().pk}/")
    assert_learns_nothing(client, "/admin/pages/search/?q=confidentielle")
    assert_learns_nothing(client, "/admin/api/main/pages/?child_of=root&for_explorer=1")


def test_other_lead_reports_omit_private_pages(client, private_group, other_lead):
    client.force_login(other_lead)
    for url in [
        "/admin/reports/page-types-usage/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
    ]:
        response = assert_learns_nothing(client, url)
        assert response.status_code in (200, 302), url


def test_page_types_usage_report_names_the_private_page_to_its_lead(client, private_group, lead):
    client.force_login(lead)
    text = client.get("/admin/reports/page-types-usage/").content.decode()
    assert "Réunion confidentielle" in text


def test_other_lead_document_chooser_omits_and_refuses_the_private_document(
    client, private_group, other_lead
):
    client.force_login(other_lead)
    assert_learns_nothing(client, "/admin/documents/chooser/")
    assert_learns_nothing(client, "/admin/documents/chooser/results/?q=secret")
    response = assert_learns_nothing(
        client, f"/admin/documents/chooser/chosen/{private_group.document.pk}/"
    )
    assert response.status_code == 404


def test_other_lead_image_chooser_omits_and_refuses_the_private_image(
    client, private_image, other_lead
):
    client.force_login(other_lead)
    assert_learns_nothing(client, "/admin/images/chooser/")
    assert_learns_nothing(client, "/admin/images/chooser/results/?q=photo")
    for url in [
        f"/admin/images/chooser/chosen/{private_image.pk}/",
        f"/admin/images/chooser/{private_image.pk}/select_format/",
        f"/admin/images/{private_image.pk}/preview/fill-10x10/",
        f"/admin/api/main/images/{private_image.pk}/",
    ]:
        response = assert_learns_nothing(client, url)
        assert response.status_code == 404, url


def test_lead_chooses_their_group_document_and_image(client, private_group, private_image, lead):
    GroupCollectionPermission.objects.create(
        group=private_group.leads_group,
        collection=private_group.collection,
        permission=Permission.objects.get(codename="choose_image"),
    )
    client.force_login(lead)
    assert "Compte rendu secret" in client.get("/admin/documents/chooser/").json()["html"]
    assert "Photo secrète" in client.get("/admin/images/chooser/").json()["html"]
    response = client.get(f"/admin/documents/chooser/chosen/{private_group.document.pk}/")
    assert "Compte rendu secret" in response.content.decode()
