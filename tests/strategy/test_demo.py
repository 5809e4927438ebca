from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from strategy.models import ActionPage, IndicatorValue, OrientationPage, StrategyPlanPage

pytestmark = pytest.mark.django_db


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


def _space_state():
    from groups.models import StructureEditor, StructureSpacePage

    return {
        "spaces": sorted(StructureSpacePage.objects.values_list("structure__short_name", "slug")),
        "editors": sorted(StructureEditor.objects.values_list("structure_id", "user_id")),
        "plans": sorted(
            StrategyPlanPage.objects.filter(is_model=False).values_list("pk", "live", "slug")
        ),
        "pages": StrategyPlanPage.objects.count() + StructureSpacePage.objects.count(),
    }


def test_demo_has_three_structure_spaces_with_plans_at_three_stages(demo_client):
    from groups.models import StructureSpacePage
    from strategy.services import structure_plan

    spaces = {
        space.structure.short_name: space
        for space in StructureSpacePage.objects.select_related("structure")
    }
    assert set(spaces) == {"ML Dijon", "ML Chalon", "ML Nevers"}
    assert all(space.structure.director_id for space in spaces.values())
    dijon = structure_plan(spaces["ML Dijon"])
    assert dijon.live and dijon.status == "in_force" and not dijon.missing_sections()
    assert ActionPage.objects.descendant_of(dijon).exists()
    chalon = structure_plan(spaces["ML Chalon"]).get_latest_revision_as_object()
    assert not chalon.live
    assert [m.heading for m in chalon.missing_sections()] == ["Nos valeurs", "Nos missions"]
    assert structure_plan(spaces["ML Nevers"]) is None

    demo_client.force_login(get_user_model().objects.get(username="redaction-chalon"))
    content = demo_client.get(spaces["ML Chalon"].url).content.decode()
    assert "La section obligatoire « Nos valeurs » est encore vide." in content
    demo_client.force_login(get_user_model().objects.get(username="direction-nevers"))
    content = demo_client.get(spaces["ML Nevers"].url).content.decode()
    assert "Créer notre projet à partir de la trame" in content

    before = _space_state()
    call_command("seed_demo", stdout=StringIO())
    assert _space_state() == before
