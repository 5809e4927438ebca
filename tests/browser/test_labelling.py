"""Labelling follow-up in the browser: a director opens their structure's follow-up, answers
this year's self-assessment and saves it; a regional editor reads the network's view. Each page
passes axe."""

import re

from django.utils import timezone

import pytest

from groups.models import Structure
from labelling.models import CriterionAnswer, Level

from .conftest import log_in

pytestmark = pytest.mark.browser

DIRECTOR = "direction-dijon"  # ML Dijon's director (groups/demo.py)
EDITOR = "editeur"  # in the editors' group (groups/demo.py)


def test_a_director_saves_the_self_assessment_and_the_arml_reads_the_network(
    page, context, demo_site, assert_accessible
):
    dijon = Structure.objects.get(short_name="ML Dijon")
    log_in(page, demo_site.url, username=DIRECTOR)
    page.goto(f"{demo_site.url}/labellisation/")
    page.wait_for_url(f"{demo_site.url}/labellisation/structures/{dijon.pk}/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == f"Suivi de la labellisation de {dijon.name}"
    assert_accessible(page, "le suivi de la labellisation d'une structure")

    page.get_by_role("link", name=re.compile(r"l'autoévaluation \d{4}$")).click()
    page.wait_for_load_state()
    assert_accessible(page, "le formulaire d'autoévaluation")
    first_criterion = page.locator("fieldset.form-criterion").first
    first_criterion.locator("input[type=radio]").last.check()
    first_criterion.locator("textarea").fill("Revu en comité de direction.")
    page.get_by_role("button", name="Enregistrer l'autoévaluation").click()
    page.wait_for_url(f"{demo_site.url}/labellisation/structures/{dijon.pk}/")
    assert page.get_by_text("L'autoévaluation est enregistrée.").is_visible()
    saved = CriterionAnswer.objects.get(
        assessment__structure=dijon,
        assessment__year=timezone.localdate().year,
        comment="Revu en comité de direction.",
    )
    assert saved.level == Level.ACHIEVED
    assert saved.assessment.updated_by.username == DIRECTOR

    context.clear_cookies()
    log_in(page, demo_site.url, username=EDITOR)
    page.goto(f"{demo_site.url}/labellisation/")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Suivi de la labellisation dans le réseau"
    )
    assert (
        page.get_by_role("cell", name=dijon.name).count()
        + page.get_by_role("rowheader", name=dijon.name).count()
        >= 1
    )
    assert_accessible(page, "le suivi de la labellisation du réseau")
