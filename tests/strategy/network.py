"""A regional plan and member structures' plans aligned on it, for the roll-up tests."""

from home.models import ContentPage
from home.roles import editors_group_sync
from strategy.models import ActionPage, IndicatorValue
from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    IndicatorFactory,
    OrientationPageFactory,
    StrategyPlanPageFactory,
    StructureFactory,
    UserFactory,
)

Status = ActionPage.Status


def build_regional_plan(home_page):
    """Orientation 1 → axes 1 and 2; orientation 2 → axis 3; one regional action per axis."""
    plan = StrategyPlanPageFactory(
        parent=home_page, title="Projet régional", slug="projet-associatif"
    )
    o1 = OrientationPageFactory(parent=plan, title="Culture commune")
    o2 = OrientationPageFactory(parent=plan, title="Rôle politique")
    axes = [
        AxisPageFactory(parent=o1, title="Participation"),
        AxisPageFactory(parent=o1, title="Ressources"),
        AxisPageFactory(parent=o2, title="Représentation"),
    ]
    actions = [ActionPageFactory(parent=axis, title=f"Régionale {axis.number}") for axis in axes]
    return plan, [o1, o2], axes, actions


def member_space(home_page):
    return ContentPage.objects.child_of(home_page).filter(slug="le-reseau").first() or (
        home_page.add_child(instance=ContentPage(title="Le réseau", slug="le-reseau"))
    )


def build_member_plan(home_page, structure, regional_axes, *, actions=3, indicators=1):
    """A structure's plan whose actions serve the regional axes in turn, each with
    `indicators` indicators named alike across structures (so the network sums them)."""
    space = member_space(home_page)
    plan = StrategyPlanPageFactory(
        parent=space, title=f"Projet de {structure.name}", structure=structure,
        slug=f"projet-{structure.pk}",
    )  # fmt: skip
    orientation = OrientationPageFactory(parent=plan, title="Notre orientation")
    axis = AxisPageFactory(parent=orientation, title="Notre axe")
    for n in range(actions):
        regional_axis = regional_axes[n % len(regional_axes)]
        action = ActionPageFactory(
            parent=axis, title=f"Action locale {n} de {structure.name}",
            status=Status.IN_PROGRESS, progress=50, regional_axis=regional_axis,
            regional_orientation=regional_axis.get_parent().specific,
        )  # fmt: skip
        for i in range(indicators):
            indicator = IndicatorFactory(
                action=action, name=f"Jeunes accompagnés {i}", unit="jeunes"
            )
            IndicatorValue.objects.create(indicator=indicator, year=2025, value=10 + n)
    return plan


def build_network(home_page, count=3, **kwargs):
    regional, orientations, axes, regional_actions = build_regional_plan(home_page)
    structures = [
        StructureFactory(name=f"Mission Locale {n:02d}", departments="21" if n % 2 else "71")
        for n in range(count)
    ]
    plans = [build_member_plan(home_page, s, axes, **kwargs) for s in structures]
    return regional, axes, structures, plans


def editor_user():
    user = UserFactory(username="editrice-region")
    user.groups.add(editors_group_sync())
    return user
