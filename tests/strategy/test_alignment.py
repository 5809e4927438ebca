"""A structure's action names the regional orientation, axis and action it serves; the
regional action lists the local actions that carry it."""

from wagtail.models import PageViewRestriction

import pytest

from strategy.models import ActionPage, AxisPage, StrategyPlanPage
from strategy.models.alignment import alignment_problems
from tests.factories import StrategyPlanPageFactory, StructureFactory, UserFactory

from .network import build_member_plan, build_regional_plan
from .test_admin import action_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def network(home_page):
    regional, orientations, axes, regional_actions = build_regional_plan(home_page)
    structure = StructureFactory(name="Mission Locale de Beaune")
    member = build_member_plan(home_page, structure, axes, actions=1)
    member_axis = AxisPage.objects.descendant_of(member).get()
    return regional, orientations, axes, regional_actions, member, member_axis


def _add(client, axis, **alignment):
    data = action_data("", slug="nouvelle", **{k: str(v.pk) for k, v in alignment.items()})
    return client.post(f"/admin/pages/add/strategy/actionpage/{axis.pk}/", data)


def test_form_offers_only_pages_of_the_regional_plan(home_page, network, admin_client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    model = StrategyPlanPageFactory(parent=home_page, title="Modèle", is_model=True)
    response = admin_client.get(f"/admin/pages/add/strategy/actionpage/{member_axis.pk}/")
    fields = response.context["form"].fields
    assert list(fields["regional_axis"].queryset) == axes
    assert list(fields["regional_orientation"].queryset) == orientations
    assert set(fields["regional_action"].queryset) == set(regional_actions)
    assert not StrategyPlanPage.objects.filter(pk=model.pk, path__in=[a.path for a in axes])
    assert "1. Participation" in response.content.decode()


def test_regional_action_fills_its_axis_and_orientation(network, admin_client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    response = _add(admin_client, member_axis, regional_action=regional_actions[1])
    assert response.status_code == 302, response.context["form"].errors
    action = ActionPage.objects.get(title="Nouvelle action")
    assert action.regional_axis == axes[1]
    assert action.regional_orientation == orientations[0]


def test_action_outside_the_named_axis_is_refused_in_french(network, admin_client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    response = _add(
        admin_client, member_axis, regional_axis=axes[0], regional_action=regional_actions[2]
    )
    assert response.status_code == 200
    (error,) = response.context["form"].errors["regional_action"]
    assert (
        error.startswith("L’action régionale « ") and "n’appartient pas à l’axe régional" in error
    )
    assert not ActionPage.objects.filter(title="Nouvelle action").exists()


def test_axis_outside_the_named_orientation_is_refused(network, admin_client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    response = _add(
        admin_client, member_axis, regional_orientation=orientations[0], regional_axis=axes[2]
    )
    assert (
        "n’appartient pas à l’orientation choisie"
        in response.context["form"].errors["regional_axis"][0]
    )


def test_cannot_align_on_its_own_plan(network, admin_client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    response = _add(admin_client, axes[0], regional_axis=axes[1])
    assert response.context["form"].errors["regional_axis"] == [
        "Une action ne peut pas être rattachée à son propre projet : choisissez une page du "
        "projet régional."
    ]
    # A page outside every regional plan (a member's own axis) is refused by the service too.
    problems = alignment_problems(plan=None, orientation=None, axis=member_axis, action=None)
    assert problems == {"regional_axis": "Choisissez une page du projet régional."}


def test_regional_action_lists_its_carriers_structure_by_structure(home_page, network, client):
    regional, orientations, axes, regional_actions, member, member_axis = network
    local = ActionPage.objects.descendant_of(member).get()
    local.regional_action = regional_actions[0]
    local.save()
    other = build_member_plan(home_page, StructureFactory(name="Mission Locale d'Auxerre"),
                              axes, actions=1)  # fmt: skip
    hidden = ActionPage.objects.descendant_of(other).get()
    hidden.title = "Action réservée d'Auxerre"
    hidden.regional_action = regional_actions[0]
    hidden.save_revision().publish()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.GROUPS)
    client.force_login(UserFactory(username="lectrice"))
    content = client.get(regional_actions[0].url).content.decode()
    assert "Portée localement par" in content
    assert "Mission Locale de Beaune" in content and local.title in content
    assert "Auxerre" not in content
    # The local action names what it serves.
    content = client.get(local.url).content.decode()
    assert "Rattachement au projet régional" in content and "Régionale 1" in content
