from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from strategy.models import ActionPage, IndicatorValue, OrientationPage, StrategyPlanPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_client(settings, client):
    settings.DEMO_PASSWORD = "mot-de-passe-demo"
    call_command("seed_demo", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="professionnel"))
    return client


def test_demo_plan_has_the_shape_statuses_indicators_and_2024_review(demo_client):
    plan = StrategyPlanPage.objects.get(slug="projet-associatif")
    assert plan.live and plan.status == "in_force" and not plan.publication_problems()
    assert OrientationPage.objects.child_of(plan).count() == 4
    actions = ActionPage.objects.descendant_of(plan)
    assert actions.count() == 17
    assert set(actions.values_list("status", flat=True)) == set(ActionPage.Status.values)
    assert {v.year for v in IndicatorValue.objects.filter(indicator__action__in=actions)} == {
        2024,
        2025,
    }
    review = plan.reviews.get()
    assert review.year == 2024
    frozen = review.action_snapshots.get(number="8.1")
    assert (frozen.status, frozen.progress) == ("in_progress", 60)
    assert actions.get(number="8.1").status == "done"
    assert frozen.indicator_snapshots.get().value == 6

    content = demo_client.get(plan.url).content.decode()
    assert "Missions Locales labellisées" in content
    assert "Bilan 2024" in content


def test_demo_has_the_common_model_and_a_member_plan(demo_client):
    model = StrategyPlanPage.objects.get(is_model=True)
    member = StrategyPlanPage.objects.get(slug="projet-associatif-ml-dijon")
    assert member.structure.short_name == "ML Dijon" and not member.is_model
    content = demo_client.get(model.url).content.decode()
    assert "Mission Locale de Dijon" in content
    assert "Relation entreprises" in content
