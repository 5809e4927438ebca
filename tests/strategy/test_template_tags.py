from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from groups.models import Thematic
from strategy.models import StrategyPlanPage
from tests.factories import StructureFactory, UserFactory

from .plans import build_plan

pytestmark = pytest.mark.django_db


def render(template, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load strategy_tags %}" + template).render(
        Context({"request": request, **context})
    )


def test_thematic_actions_lists_the_actions_with_their_status(home_page, professional):
    build_plan(home_page)
    html = render("{% thematic_actions thematic %}", professional,
                  thematic=Thematic.objects.get(slug="communication"))  # fmt: skip
    assert "1.1 Séminaires" in html and "Réalisée" in html
    assert "2.1 Animation métier" in html and "Abandonnée" in html
    assert "Parrainage" not in html  # another thematic
    assert "Projet associatif 2024-2027" in html


def test_thematic_actions_hides_what_the_user_may_not_view(home_page, professional):
    plan, actions, _ = build_plan(home_page)
    PageViewRestriction.objects.create(
        page=actions["1.1"], restriction_type=PageViewRestriction.GROUPS
    )
    thematic = Thematic.objects.get(slug="communication")
    html = render("{% thematic_actions thematic %}", UserFactory(), thematic=thematic)
    assert "Séminaires" not in html
    assert "Animation métier" in html
    observatoire = Thematic.objects.create(name="Observatoire", slug="observatoire")
    empty = render("{% thematic_actions thematic %}", UserFactory(), thematic=observatoire)
    assert "Aucune action du projet ne relève encore de cette thématique." in empty


def test_network_page_lists_members_with_a_plan_in_force(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    dijon = StructureFactory(name="Mission Locale de Dijon")
    plan.structure = dijon
    plan.save_revision().publish()
    StructureFactory(name="Mission Locale de Gray")
    model = StrategyPlanPage(title="Modèle de projet associatif", slug="modele", is_model=True)
    home_page.add_child(instance=model)
    content = professional_client.get(model.url).content.decode()
    assert "Projets en vigueur dans le réseau" in content
    assert "Mission Locale de Dijon" in content
    assert "Communication, Formation" in content
    assert "structures sans projet en vigueur" in content or "structure sans projet" in content
    assert "Mission Locale de Gray" in content
