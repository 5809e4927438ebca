"""The corpus imported through the admin: upload, the tree understood with its patterns, the
levels step when the detection is unsure (or when the person disagrees), the preview of the
changes, then the confirmation."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from strategy.models import ActionPage, OrientationPage, PlanImport, StrategyPlanPage
from tests.factories import StrategyPlanPageFactory, UserFactory

from .corpus import CORPUS, CORPUS_BY_NAME
from .test_importer_corpus import assert_imported, state

pytestmark = pytest.mark.django_db

# The levels a person picks, by the pattern's label, for the plan that needs them.
MAPPED = {"LIGNE EN MAJUSCULES": "orientation", "Puce": "action"}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def plan(home_page):
    return StrategyPlanPageFactory(parent=home_page, title="Projet à remplacer", sections=[])


def upload(client, plan, path):
    return client.post(
        reverse("strategy_plan_import", args=[plan.pk]),
        {"file": SimpleUploadedFile(path.name, path.read_bytes())},
    )


def levels_data(page, chosen):
    """The levels form as shown, with the levels in `chosen` (by pattern label) picked."""
    data = {"next": "preview"}
    for pattern, field in page.context["form"].rows():
        data[field.html_name] = chosen.get(pattern.label, field.value())
    return data


def confirm(client, preview_url):
    page = client.get(preview_url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {"sha256": form["sha256"].value(), "fingerprint": form["fingerprint"].value(),
            "allow_removals": "on"}  # fmt: skip
    response = client.post(preview_url, data)
    assert response.status_code == 302, page.content.decode()[:2000]
    return page


@pytest.mark.parametrize("expected", CORPUS, ids=[plan.name for plan in CORPUS])
def test_each_plan_of_the_corpus_imports_through_the_admin(plan, admin_client, tmp_path, expected):
    path = expected.build(tmp_path)
    response = upload(admin_client, plan, path)
    assert response.status_code == 302
    upload_id = PlanImport.objects.get().pk
    if expected.levels:
        assert response["Location"] == reverse("strategy_plan_import_levels", args=[upload_id])
        page = admin_client.get(response["Location"])
        assert "n’ont pas pu être distingués" in page.content.decode()
        response = admin_client.post(response["Location"], levels_data(page, MAPPED))
        assert PlanImport.objects.get().levels  # the choice kept with the file
    preview_url = reverse("strategy_plan_import_preview", args=[upload_id])
    assert response["Location"] == preview_url
    page = confirm(admin_client, preview_url)
    html = page.content.decode()
    assert "Arbre compris" in html
    for title in expected.orientations:
        assert title.replace("'", "&#x27;") in html
    assert_imported(expected)


def test_the_levels_step_shows_the_patterns_and_the_tree_updates_with_a_new_choice(
    plan, admin_client, tmp_path
):
    path = CORPUS_BY_NAME["level-words-text"].build(tmp_path)
    upload(admin_client, plan, path)
    levels_url = reverse("strategy_plan_import_levels", args=[PlanImport.objects.get().pk])
    page = admin_client.get(levels_url)
    html = page.content.decode()
    assert "Axe stratégique" in html and "Objectif opérationnel" in html
    assert "Orientation 1 : Accompagner chaque jeune là où il vit" in html

    data = levels_data(page, {"Axe stratégique": "ignore"})
    data["next"] = "levels"
    before = state()
    response = admin_client.post(levels_url, data)
    assert response["Location"] == levels_url
    assert state() == before  # choosing levels writes nothing to the plan
    html = admin_client.get(levels_url).content.decode()
    assert "Orientation 1 : Orientation du projet" in html
    assert "votre choix" in html

    data["next"] = "preview"
    response = admin_client.post(levels_url, data)
    confirm(admin_client, response["Location"])
    assert list(OrientationPage.objects.values_list("title", flat=True)) == [
        "Orientation du projet"
    ]
    assert ActionPage.objects.count() == 5


def test_a_plan_mapped_to_no_action_stays_at_the_levels_step_with_an_explanation(
    plan, admin_client, tmp_path
):
    path = CORPUS_BY_NAME["uncertain-then-mapped"].build(tmp_path)
    levels_url = upload(admin_client, plan, path)["Location"]
    page = admin_client.get(levels_url)
    response = admin_client.post(levels_url, levels_data(page, {"Puce": "text"}))
    page = admin_client.get(response["Location"], follow=True)
    html = page.content.decode()
    assert "aucun motif n’annonce les actions" in html
    assert StrategyPlanPage.objects.get().title == "Projet à remplacer"


def test_another_user_cannot_see_or_change_the_levels(plan, admin_client, client, tmp_path):
    path = CORPUS_BY_NAME["uncertain-then-mapped"].build(tmp_path)
    levels_url = upload(admin_client, plan, path)["Location"]
    client.force_login(UserFactory(username="other", is_superuser=True, is_staff=True))
    assert client.get(levels_url).status_code == 404
    assert client.post(levels_url, {"pattern_0": "orientation"}).status_code == 404
    assert PlanImport.objects.get().levels == {}
