import factory
import wagtail_factories

from strategy.models import ActionPage, AxisPage, Indicator, OrientationPage, StrategyPlanPage

REQUIRED_SECTIONS = [
    ("history", {"heading": "Notre histoire", "content": [("paragraph", "<p>Depuis 2017.</p>")]}),
    ("values", {"heading": "Nos valeurs", "content": [("bullet_list", ["La proximité"])]}),
    ("missions", {"heading": "Nos missions", "content": [("bullet_list", ["Animer"])]}),
]


class StrategyPlanPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StrategyPlanPage

    title = "Projet associatif 2024-2027"
    slug = factory.Sequence(lambda n: f"projet-associatif-{n}")
    period_start = 2024
    period_end = 2027
    status = StrategyPlanPage.Status.IN_FORCE
    sections = REQUIRED_SECTIONS


class OrientationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrientationPage

    title = factory.Sequence(lambda n: f"Orientation {n}")


class AxisPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AxisPage

    title = factory.Sequence(lambda n: f"Axe {n}")


class ActionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ActionPage

    title = factory.Sequence(lambda n: f"Action {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicateur {n}")
    unit = "participants"
    baseline = 10
    target = 50
