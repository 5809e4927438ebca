"""Importing a new version of a plan from the admin: upload, preview, confirmation, and the
page history that undoes it."""

import re
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Revision

import pytest

from strategy.models import ActionPage, OrientationPage, PlanImport, StrategyPlanPage
from tests.factories import UserFactory

from .admin_forms import page_form_data
from .hostile_docx import docx_with_list_level
from .seed_variants import renamed_action, without_orientation_4, without_title_line

pytestmark = pytest.mark.django_db

RENAMED = ("- 7.2 Engager la réflexion", "- 7.2 Mener la réflexion")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def plan(home_page, seed_path):
    call_command("import_strategy_plan", str(seed_path), "--apply", stdout=StringIO())
    return StrategyPlanPage.objects.get()


def state():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
    }


def upload(client, plan, text, name="plan.txt"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(
        reverse("strategy_plan_import", args=[plan.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )


def preview_of(client, response):
    """The preview page an upload redirects to, and its confirmation's hidden fields."""
    assert response.status_code == 302, response.context["form"].errors
    page = client.get(response["Location"])
    assert page.status_code == 200
    form = page.context["form"]
    return (
        page,
        response["Location"],
        {
            "sha256": form["sha256"].value(),
            "fingerprint": form["fingerprint"].value(),
        },
    )


def test_the_plan_offers_the_import_in_its_admin_header(plan, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk]))
    assert response.status_code == 200
    assert reverse("strategy_plan_import", args=[plan.pk]) in response.content.decode()
    assert "Importer une nouvelle version" in response.content.decode()
    explorer = admin_client.get(reverse("wagtailadmin_explore", args=[plan.get_parent().pk]))
    assert reverse("strategy_plan_import", args=[plan.pk]) in explorer.content.decode()
    action = admin_client.get(reverse("wagtailadmin_pages:edit", args=[plan.get_children()[0].pk]))
    assert "/importer/" not in action.content.decode()  # only plans offer it


def test_a_plan_without_its_title_line_changes_nothing_until_confirmed_and_is_undone_from_the_history(  # noqa: E501
    plan, admin_client, seed_text
):
    before = state()
    response = upload(admin_client, plan, without_title_line(seed_text))
    page, url, confirmation = preview_of(admin_client, response)
    content = page.content.decode()
    assert "Le titre du projet change : « Projet associatif 2024-2027 » devient « Association " \
           "Régionale 2024-2027 »" in content  # fmt: skip
    assert "0 page(s) à créer, 1 à modifier, 0 à retirer ou vider, 38 inchangée(s)." in content
    assert "Association Régionale 2024-2027 — à modifier : titre" in content
    assert state() == before  # the upload and its preview wrote no page and no revision

    applied = admin_client.post(url, confirmation)
    assert applied.status_code == 302
    assert applied["Location"] == reverse("wagtailadmin_pages:history", args=[plan.pk])
    plan.refresh_from_db()
    assert plan.title == "Association Régionale 2024-2027"
    history = admin_client.get(applied["Location"]).content.decode()
    assert "Importé depuis « plan.txt » : 0 page(s) créée(s), 1 modifiée(s)" in history

    # The history's previous revision, restored and published through the admin.
    previous = plan.revisions.order_by("-created_at", "-pk")[1]
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[plan.pk, previous.pk])
    form = admin_client.get(revert_url).context["form"]
    reverted = admin_client.post(revert_url, {**page_form_data(form), "action-publish": "1"})
    assert reverted.status_code == 302, reverted.context["form"].errors
    plan.refresh_from_db()
    assert plan.title == "Projet associatif 2024-2027"
    assert plan.live and not plan.has_unpublished_changes
    assert [p[1:3] for p in state()["pages"]] == [p[1:3] for p in before["pages"]]


def test_a_second_submission_applies_nothing(plan, admin_client, seed_text):
    corrected = renamed_action(seed_text, *RENAMED)
    _, url, confirmation = preview_of(admin_client, upload(admin_client, plan, corrected))
    assert admin_client.post(url, confirmation).status_code == 302
    after_first = state()

    again = admin_client.post(url, confirmation, follow=True)
    assert "Cet import a déjà été appliqué." in again.content.decode()
    assert state() == after_first
    assert PlanImport.objects.get().content in (b"", memoryview(b""))


def test_a_confirmation_for_another_file_applies_nothing(plan, admin_client, seed_text):
    corrected = renamed_action(seed_text, *RENAMED)
    _, url, confirmation = preview_of(admin_client, upload(admin_client, plan, corrected))
    other = renamed_action(seed_text, RENAMED[0], "- 7.2 Oublier la réflexion")
    _, _other_url, other_confirmation = preview_of(admin_client, upload(admin_client, plan, other))
    before = state()

    response = admin_client.post(url, {**confirmation, "sha256": other_confirmation["sha256"]})
    assert response.status_code == 409
    assert "La confirmation ne correspond pas au fichier prévisualisé." in response.content.decode()
    assert state() == before


def test_a_plan_changed_since_the_preview_is_previewed_again(plan, admin_client, seed_text):
    corrected = renamed_action(seed_text, *RENAMED)
    _, url, confirmation = preview_of(admin_client, upload(admin_client, plan, corrected))
    action = ActionPage.objects.get(number="7.2")
    action.title = "Mener la réflexion sur l'élargissement"
    action.save_revision().publish()  # an editor makes the same change meanwhile
    before = state()

    response = admin_client.post(url, confirmation)
    assert response.status_code == 409
    assert "Le projet a changé depuis cet aperçu" in response.content.decode()
    assert state() == before


def test_removals_need_the_box_ticked_and_a_removed_page_comes_back_from_its_history(
    plan, admin_client, seed_text
):
    without_4 = without_orientation_4(seed_text)
    page, url, confirmation = preview_of(admin_client, upload(admin_client, plan, without_4))
    content = page.content.decode()
    assert "5 pages retirées ou vidées" in content
    assert re.search(r"Orientation 4 : Conforter[^<]*— à retirer", content)
    before = state()

    refused = admin_client.post(url, confirmation)
    assert refused.status_code == 200
    assert "Cet import retire ou vide du contenu : cochez cette case pour l’accepter." in (
        refused.content.decode()
    )
    assert state() == before

    assert admin_client.post(url, {**confirmation, "allow_removals": "on"}).status_code == 302
    orientation = OrientationPage.objects.get(number=4)
    assert not orientation.live  # unpublished, not deleted
    assert not ActionPage.objects.get(number="10.3").live
    assert ActionPage.objects.live().count() == 21

    # Its history brings it back: its last revision, published again.
    revision = orientation.latest_revision
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[orientation.pk, revision.pk])
    form = admin_client.get(revert_url).context["form"]
    response = admin_client.post(revert_url, {**page_form_data(form), "action-publish": "1"})
    assert response.status_code == 302, response.context["form"].errors
    assert OrientationPage.objects.get(number=4).live


def test_a_broken_word_file_is_refused_on_upload_in_french(plan, admin_client):
    response = upload(admin_client, plan, docx_with_list_level("999999999999"), "plan.docx")
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert re.match(r"Paragraphe 2 \(« Orientation 1 : Agir ensemble »\) : le niveau de liste",
                    errors[0])  # fmt: skip
    assert not PlanImport.objects.exists()


def test_a_file_with_nothing_new_has_nothing_to_confirm(plan, admin_client, seed_text):
    response = upload(admin_client, plan, seed_text)
    page = admin_client.get(response["Location"])
    assert "Rien à changer : le projet est déjà à jour." in page.content.decode()
    assert "Appliquer l’import" not in page.content.decode()


def test_only_editors_who_may_publish_the_plan_reach_the_import(plan, client, seed_text):
    client.force_login(UserFactory(username="lecteur", is_staff=True))
    response = client.get(reverse("strategy_plan_import", args=[plan.pk]))
    assert response.status_code in (302, 403)
    before = state()
    upload(client, plan, without_title_line(seed_text))
    assert state() == before
    assert not PlanImport.objects.exists()


@pytest.mark.parametrize("url_name", ["strategy_plan_import", "strategy_plan_import_preview"])
def test_an_id_past_any_integer_is_not_found(admin_client, home_page, url_name):
    # The route takes only IDs a database can hold: a longer one matches no route at all.
    url = reverse(url_name, args=[1]).replace("/1/", f"/{10**20}/")
    assert admin_client.get(url).status_code == 404


def test_an_upload_of_another_user_cannot_be_previewed_or_confirmed(plan, admin_client, client,
                                                                   seed_text):  # fmt: skip
    corrected = renamed_action(seed_text, *RENAMED)
    _, url, confirmation = preview_of(admin_client, upload(admin_client, plan, corrected))
    client.force_login(UserFactory(username="autre", is_superuser=True, is_staff=True))
    before = state()
    assert client.get(url).status_code == 404
    assert client.post(url, confirmation).status_code == 404
    assert state() == before


def test_the_preview_lists_what_is_created(plan, admin_client, seed_text):
    added = seed_text.replace(
        "- 7.2 Engager la réflexion", "- 7.3 Ouvrir un atelier\n- 7.2 Engager la réflexion"
    )
    page, _, _ = preview_of(admin_client, upload(admin_client, plan, added))
    content = page.content.decode()
    assert "1 page créée" in content
    assert "Action 7.3 : Ouvrir un atelier" in content
