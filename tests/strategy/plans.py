"""A small plan built with factories, shared by the tests of the plan page and reviews."""

from groups.models import Thematic
from strategy.models import ActionPage, IndicatorValue
from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    IndicatorFactory,
    OrientationPageFactory,
    StrategyPlanPageFactory,
    StructureFactory,
)

Status = ActionPage.Status


def build_plan(home_page, *, extra_actions=0):
    """Orientation 1 → axis 1 (1.1 done, 1.2 at 40 %), axis 2 (2.1 abandoned at 10 %);
    orientation 2 → axis 3 (3.1 not started at 0 %, 3.2 postponed at 30 %)."""
    communication = Thematic.objects.create(name="Communication", slug="communication")
    formation = Thematic.objects.create(name="Formation", slug="formation")
    dijon = StructureFactory(name="Mission Locale de Dijon")
    plan = StrategyPlanPageFactory(parent=home_page, title="Projet associatif 2024-2027")
    o1 = OrientationPageFactory(parent=plan, title="Culture commune")
    o2 = OrientationPageFactory(parent=plan, title="Rôle politique")
    a1 = AxisPageFactory(parent=o1, title="Participation")
    a2 = AxisPageFactory(parent=o1, title="Ressources")
    a3 = AxisPageFactory(parent=o2, title="Représentation")
    actions = {
        "1.1": ActionPageFactory(parent=a1, title="Séminaires", status=Status.DONE, progress=60,
                                 thematic=communication, pilot_structure=dijon),
        "1.2": ActionPageFactory(parent=a1, title="Parrainage", status=Status.IN_PROGRESS,
                                 progress=40, thematic=formation),
        "2.1": ActionPageFactory(parent=a2, title="Animation métier", status=Status.ABANDONED,
                                 progress=10, thematic=communication),
        "3.1": ActionPageFactory(parent=a3, title="Réseau pour l'emploi"),
        "3.2": ActionPageFactory(parent=a3, title="Instances", status=Status.POSTPONED,
                                 progress=30, pilot_structure=dijon),
    }  # fmt: skip
    for n in range(extra_actions):
        action = ActionPageFactory(parent=a3, title=f"Action supplémentaire {n}", progress=n,
                                   thematic=formation, pilot_structure=dijon)  # fmt: skip
        add_indicator(action, {2024: 1, 2025: 2})
    indicator = add_indicator(actions["1.2"], {2024: 12, 2025: 18}, name="Parrainages conclus")
    return plan, actions, indicator


def add_indicator(action, values, **fields):
    indicator = IndicatorFactory(action=action, **fields)
    for year, value in values.items():
        IndicatorValue.objects.create(indicator=indicator, year=year, value=value)
    return indicator
