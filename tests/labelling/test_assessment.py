"""Answering the year's self-assessment: one row a year, nothing lost on a conflict or a
mistake, evidence only among the structure's own pages, past years kept."""

from django.urls import reverse

import pytest

from labelling.models import CriterionAnswer, Level, SelfAssessment
from tests.factories import StrategyPlanPageFactory
from tests.labelling.conftest import ALL_ACHIEVED, answers_post

pytestmark = pytest.mark.django_db


def edit_url(structure):
    return reverse("labelling:assessment_edit", args=[structure.pk])


def test_the_director_saves_the_year_and_sees_it_in_the_history(client, director, dijon, criteria):
    client.force_login(director)
    levels = [Level.ACHIEVED, Level.IN_PROGRESS, Level.EMERGING, Level.NOT_STARTED]
    data = answers_post(criteria, levels)
    data[f"c{criteria[0].pk}_comment"] = "Rendez-vous sous huit jours depuis mars."
    response = client.post(edit_url(dijon), data, follow=True)
    page = response.content.decode()
    assert "L&#x27;autoévaluation est enregistrée." in page
    assert "Rendez-vous sous huit jours depuis mars." in page
    assert "par Inès Morel" in page
    assessment = SelfAssessment.objects.get()
    assert assessment.version == 1
    assert dict(assessment.answers.values_list("criterion_id", "level")) == {
        c.pk: int(level) for c, level in zip(criteria, levels, strict=True)
    }


def test_a_second_save_updates_the_same_year(client, director, dijon, criteria):
    client.force_login(director)
    client.post(edit_url(dijon), answers_post(criteria, ALL_ACHIEVED))
    client.post(edit_url(dijon), answers_post(criteria, [1, 1, 1, 1], version=1))
    assert SelfAssessment.objects.count() == 1
    assert set(CriterionAnswer.objects.values_list("level", flat=True)) == {1}
    assert CriterionAnswer.objects.count() == 4


def test_a_stale_form_is_refused_and_keeps_what_was_typed(
    client, director, regional_editor, dijon, criteria
):
    client.force_login(regional_editor)
    client.post(edit_url(dijon), answers_post(criteria, ALL_ACHIEVED))
    # The director opened the form before the editor saved: their version is 0.
    client.force_login(director)
    data = answers_post(criteria, [0, 0, 0, 0])
    data[f"c{criteria[1].pk}_comment"] = "Notre analyse de l'accueil en milieu rural"
    response = client.post(edit_url(dijon), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "a enregistré cette autoévaluation après que vous l&#x27;avez ouverte" in page
    assert "Notre analyse de l&#x27;accueil en milieu rural" in page
    assert set(CriterionAnswer.objects.values_list("level", flat=True)) == {3}


def test_a_double_submission_saves_once(client, director, dijon, criteria):
    client.force_login(director)
    data = answers_post(criteria, ALL_ACHIEVED)
    client.post(edit_url(dijon), data)
    second = client.post(edit_url(dijon), data)
    assert second.status_code == 200  # told, not saved twice
    assert SelfAssessment.objects.get().version == 1


def test_missing_levels_get_a_french_error(client, director, dijon, criteria):
    client.force_login(director)
    data = answers_post(criteria, ALL_ACHIEVED)
    del data[f"c{criteria[2].pk}_level"]
    data[f"c{criteria[3].pk}_comment"] = "x" * 2001
    page = client.post(edit_url(dijon), data).content.decode()
    assert "Choisissez un niveau pour ce critère." in page
    assert "L'autoévaluation n'a pas été enregistrée." in page
    assert "2000 caractères" in page
    assert not SelfAssessment.objects.exists()


def test_evidence_is_chosen_among_the_structure_own_pages(
    client, director, dijon, beaune, criteria, home_page
):
    own_plan = StrategyPlanPageFactory(parent=home_page, title="Notre projet", structure=dijon)
    other_plan = StrategyPlanPageFactory(parent=home_page, title="Leur projet", structure=beaune)
    client.force_login(director)
    form = client.get(edit_url(dijon)).content.decode()
    assert "Notre projet" in form
    assert "Leur projet" not in form
    refused = answers_post(criteria, ALL_ACHIEVED, **{f"c{criteria[0].pk}_pages": other_plan.pk})
    assert "Sélectionnez un choix valide" in client.post(edit_url(dijon), refused).content.decode()
    accepted = answers_post(criteria, ALL_ACHIEVED, **{f"c{criteria[0].pk}_pages": own_plan.pk})
    assert client.post(edit_url(dijon), accepted).status_code == 302
    answer = CriterionAnswer.objects.get(criterion=criteria[0])
    assert list(answer.evidence_pages.values_list("pk", flat=True)) == [own_plan.pk]


def test_a_new_year_starts_from_last_year_and_keeps_it(
    client, director, dijon, referential, criteria
):
    last_year = SelfAssessment.objects.create(
        structure=dijon, referential=referential, year=2000, version=3
    )
    for criterion in criteria:
        CriterionAnswer.objects.create(
            assessment=last_year, criterion=criterion, level=Level.EMERGING, comment="En 2000"
        )
    client.force_login(director)
    form = client.get(edit_url(dijon)).content.decode()
    assert form.count("checked> En démarrage") == 4  # last year's levels, to start from
    assert 'name="version" value="0"' in form
    client.post(edit_url(dijon), answers_post(criteria, ALL_ACHIEVED))
    history = client.get(reverse("labelling:structure", args=[dijon.pk])).content.decode()
    assert '<th scope="col">2000</th>' in history
    assert history.count("En démarrage") == 4
    assert SelfAssessment.objects.count() == 2
    assert set(last_year.answers.values_list("level", flat=True)) == {Level.EMERGING}
