"""« Importer un projet associatif »: a file imported from the admin as a plan that does not
exist yet, under a page that may hold plans, through the same levels step, preview and
confirmation as a new version of a plan."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import GroupPagePermission, Revision

import pytest

from strategy.models import PlanImport, StrategyPlanPage
from tests.factories import UserFactory

from .corpus import CORPUS_BY_NAME
from .test_import_levels_admin import MAPPED, confirm, levels_data
from .test_importer_corpus import assert_imported, state

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def upload_new(client, parent, path):
    return client.post(
        reverse("strategy_plan_import_new", args=[parent.pk]),
        {"file": SimpleUploadedFile(path.name, path.read_bytes())},
    )


def test_the_home_page_offers_to_import_a_projet_associatif(admin_client, home_page):
    url = reverse("strategy_plan_import_new", args=[home_page.pk])
    page = admin_client.get(reverse("wagtailadmin_explore", args=[home_page.pk]))
    assert url in page.content.decode()
    assert "Importer un projet associatif" in page.content.decode()
    form = admin_client.get(url)
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode()


def test_a_file_becomes_a_new_draft_plan_after_its_preview(admin_client, home_page, tmp_path):
    expected = CORPUS_BY_NAME["word-table-of-actions"]
    path = expected.build(tmp_path)
    response = upload_new(admin_client, home_page, path)
    upload = PlanImport.objects.get()
    assert upload.plan is None and upload.parent_id == home_page.pk
    preview_url = reverse("strategy_plan_import_preview", args=[upload.pk])
    assert response["Location"] == preview_url
    before = state()
    page = admin_client.get(preview_url)
    assert state() == before  # nothing written by the preview
    assert "Un nouveau projet associatif sous « Accueil »" in page.content.decode()
    assert not StrategyPlanPage.objects.exists()
    assert "Priorité" not in page.context["preview"].tree.title
    confirm(admin_client, preview_url)
    plan = assert_imported(expected)
    assert plan.get_parent().pk == home_page.pk
    assert Revision.objects.filter(object_id=str(plan.pk)).exists()  # created as a revision
    assert PlanImport.objects.get().plan_id == plan.pk

    # The same file again as a new plan: refused, pointing to a new version of that plan.
    before = state()
    response = upload_new(admin_client, home_page, path)
    again = admin_client.get(response["Location"], follow=True)
    assert StrategyPlanPage.objects.count() == 1
    assert state() == before
    assert again.redirect_chain[-1][0] == reverse("strategy_plan_import_new", args=[home_page.pk])


def test_a_new_plan_with_unclear_levels_goes_through_the_levels_step(
    admin_client, home_page, tmp_path
):
    expected = CORPUS_BY_NAME["uncertain-then-mapped"]
    response = upload_new(admin_client, home_page, expected.build(tmp_path))
    upload = PlanImport.objects.get()
    assert response["Location"] == reverse("strategy_plan_import_levels", args=[upload.pk])
    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    response = admin_client.post(response["Location"], levels_data(page, MAPPED))
    preview_url = reverse("strategy_plan_import_preview", args=[upload.pk])
    assert response["Location"] == preview_url
    confirm(admin_client, preview_url)
    assert_imported(expected)


def test_only_users_who_may_add_and_publish_a_plan_there_reach_it(client, home_page, tmp_path):
    path = CORPUS_BY_NAME["word-table-of-actions"].build(tmp_path)
    url = reverse("strategy_plan_import_new", args=[home_page.pk])
    editors = Group.objects.create(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=editors, page=home_page, permission_type="add")
    user = UserFactory(username="redactrice", is_staff=True)
    user.groups.add(editors)
    client.force_login(user)
    explorer = client.get(reverse("wagtailadmin_explore", args=[home_page.pk]))
    assert url not in explorer.content.decode()  # may add, not publish: not offered
    before = state()
    # Refused (Wagtail's admin sends a refused page back to the dashboard with a message).
    assert client.get(url).status_code in (302, 403)
    assert client.get(url).get("Location", "/admin/") == "/admin/"
    assert upload_new(client, home_page, path).get("Location", "/admin/") == "/admin/"
    assert state() == before and not PlanImport.objects.exists()

    GroupPagePermission.objects.create(group=editors, page=home_page, permission_type="publish")
    assert url in client.get(reverse("wagtailadmin_explore", args=[home_page.pk])).content.decode()
    response = upload_new(client, home_page, path)
    assert response["Location"].startswith("/admin/projet-associatif/imports/")


def test_a_page_that_cannot_hold_a_plan_refuses_it(admin_client, home_page, tmp_path):
    plan = StrategyPlanPage(title="Plan", slug="plan", sections=[])
    home_page.add_child(instance=plan)
    refused = admin_client.get(reverse("strategy_plan_import_new", args=[plan.pk]))
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    too_long = reverse("strategy_plan_import_new", args=[1]).replace("/1/", f"/{10**20}/")
    assert admin_client.get(too_long).status_code == 404
