"""Editing plans in the Wagtail admin: numbering and the common trame's required sections."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from strategy.models import ActionPage, AxisPage, StrategyPlanPage
from tests.factories import OrientationPageFactory, StrategyPlanPageFactory, UserFactory

from .plans import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def action_data(number, title="Nouvelle action", **extra):
    return nested_form_data({
        "title": title, "slug": "", "number": number, "summary": "",
        "description": rich_text(""), "objectives": rich_text(""), "partners": "",
        "status": "not_started", "progress": 0, "action-publish": "publish", **extra,
    })  # fmt: skip


def test_a_blank_number_is_derived_from_the_position(home_page, admin_client):
    build_plan(home_page)
    axis = AxisPage.objects.get(number=1)
    response = admin_client.post(
        f"/admin/pages/add/strategy/actionpage/{axis.pk}/", action_data("", slug="nouvelle")
    )
    assert response.status_code == 302, response.context["form"].errors
    assert ActionPage.objects.get(title="Nouvelle action").number == "1.3"


def test_a_duplicated_number_is_refused_in_french(home_page, admin_client):
    build_plan(home_page)
    axis = AxisPage.objects.get(number=3)
    response = admin_client.post(
        f"/admin/pages/add/strategy/actionpage/{axis.pk}/", action_data("1.2", slug="doublon")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Le numéro 1.2 est déjà utilisé dans ce plan."
    ]
    assert not ActionPage.objects.filter(title="Nouvelle action").exists()


def plan_data(sections, publish=True):
    data = {
        "title": "Projet de la Mission Locale", "slug": "projet-ml", "summary": "",
        "period_start": 2025, "period_end": 2028, "status": "draft", "vote_date": "",
        "structure": "", "sections": streamfield(sections),
    }  # fmt: skip
    if publish:
        data["action-publish"] = "publish"
    return nested_form_data(data)


def section(kind, heading):
    return (kind, {"heading": heading, "content": streamfield([("paragraph", rich_text("Texte"))])})


def test_publishing_requires_the_sections_of_the_trame(home_page, admin_client):
    plan = StrategyPlanPageFactory(parent=home_page, sections=[], slug="projet-ml")
    OrientationPageFactory(parent=plan)
    url = f"/admin/pages/{plan.pk}/edit/"
    response = admin_client.post(url, plan_data([section("values", "Nos valeurs")]))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert "La section « Qui sommes-nous, histoire et dates clés » est obligatoire pour publier " \
           "le plan." in errors  # fmt: skip
    assert "La section « Missions » est obligatoire pour publier le plan." in errors
    assert "Valeurs" not in " ".join(errors)

    # A draft may lack them: optional and required sections come and go while writing.
    draft = admin_client.post(url, plan_data([section("values", "Nos valeurs")], publish=False))
    assert draft.status_code == 302

    complete = [section("history", "Histoire"), section("values", "Valeurs"),
                section("missions", "Missions")]  # fmt: skip
    assert admin_client.post(url, plan_data(complete)).status_code == 302
    assert StrategyPlanPage.objects.get(pk=plan.pk).live


def test_a_plan_without_orientation_cannot_be_published(home_page, admin_client):
    complete = [section("history", "Histoire"), section("values", "Valeurs"),
                section("missions", "Missions")]  # fmt: skip
    response = admin_client.post(
        f"/admin/pages/add/strategy/strategyplanpage/{home_page.pk}/", plan_data(complete)
    )
    assert response.status_code == 200
    assert any("au moins une orientation" in e for e in response.context["form"].non_field_errors())


def test_a_copy_of_the_common_model_is_a_plan_of_its_own(home_page):
    model = StrategyPlanPageFactory(parent=home_page, is_model=True, slug="trame-commune")
    OrientationPageFactory(parent=model, title="Orientation exemple")
    copy = model.copy(recursive=True, update_attrs={"slug": "projet-ml", "title": "Notre projet"})
    assert copy.specific.is_model is False
    assert copy.get_children().count() == 1
    assert not copy.specific.publication_problems()
