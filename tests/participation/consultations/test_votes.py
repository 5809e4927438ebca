"""Casting a structure's voice: only its voter, once per structure, changeable until the
close, refused after it; the vote form's errors are in French."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from participation.consultations import services
from participation.consultations.models import Consultation, Vote
from participation.consultations.services import VoteRefused, vote_cast

from .conftest import cast, make_consultation, vote_post


def _url(consultation):
    return reverse("consultations:detail", args=[consultation.pk])


@pytest.mark.django_db
def test_the_director_and_the_delegate_vote_once_each_and_may_change_their_vote(
    network, consultation
):
    vote, created = cast(consultation, network["dijon_director"])
    assert created and vote.structure == network["dijon"]
    cast(consultation, network["beaune_delegate"])

    changed, created = cast(consultation, network["dijon_director"], single="Octobre")

    assert not created and changed.pk == vote.pk
    assert Vote.objects.filter(consultation=consultation).count() == 2
    question = consultation.questions.first()
    assert Vote.objects.get(structure=network["dijon"]).answers[str(question.pk)] == "Octobre"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["dijon_adviser", "beaune_director", "vesoul_director", "editor"])
def test_nobody_else_casts_a_structure_voice(network, consultation, who):
    with pytest.raises(VoteRefused, match="Seule la personne"):
        vote_cast(consultation=consultation, user=network[who], answers={})
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_a_second_vote_for_a_structure(network, consultation):
    Vote.objects.create(consultation=consultation, structure=network["dijon"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(consultation=consultation, structure=network["dijon"])


@pytest.mark.django_db
def test_a_submission_that_loses_the_race_updates_the_winner_row(
    network, consultation, monkeypatch
):
    """Two submissions at once: the second one did not see the first row, its insert hits
    the unique constraint and becomes an update. One row remains, with the last answers."""
    cast(consultation, network["dijon_director"], single="Mars")
    monkeypatch.setattr(services, "existing_vote", lambda key: None)

    vote, created = cast(consultation, network["dijon_director"], single="Juin")

    assert not created
    assert Vote.objects.filter(consultation=consultation).count() == 1
    assert list(vote.answers.values())[0] == "Juin"


@pytest.mark.django_db
def test_a_double_submission_of_the_form_leaves_one_vote(client, network, consultation):
    client.force_login(network["beaune_delegate"])
    for _ in range(2):
        response = client.post(_url(consultation), vote_post(consultation))
        assert response.status_code == 302
    assert Vote.objects.get().structure == network["beaune"]


@pytest.mark.django_db
def test_after_the_close_voting_is_refused_with_a_clear_message(client, network, consultation):
    cast(consultation, network["dijon_director"])
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(network["dijon_director"])

    response = client.post(_url(consultation), vote_post(consultation, single="Mars"), follow=True)

    assert "ne peuvent plus être exprimés ni modifiés" in response.content.decode()
    question = consultation.questions.first()
    assert Vote.objects.get().answers[str(question.pk)] == "Juin"
    with pytest.raises(VoteRefused, match="a fermé le"):
        vote_cast(consultation=consultation, user=network["dijon_director"], answers={})


@pytest.mark.django_db
def test_a_consultation_not_open_yet_refuses_votes(network):
    consultation = make_consultation([network["dijon"]], opens_in_days=2)
    with pytest.raises(VoteRefused, match="pas encore ouverte"):
        vote_cast(consultation=consultation, user=network["dijon_director"], answers={})


@pytest.mark.django_db
def test_the_voter_sees_the_form_prefilled_and_a_colleague_only_the_status(
    client, network, consultation
):
    cast(consultation, network["dijon_director"], single="Octobre")
    client.force_login(network["dijon_director"])
    page = client.get(_url(consultation)).content.decode()
    assert re.search(r'value="Octobre"[^>]*checked', page)
    assert not re.search(r'value="Mars"[^>]*checked', page)
    assert "Modifier le vote" in page

    client.force_login(network["dijon_adviser"])
    page = client.get(_url(consultation)).content.decode()
    assert '<form method="post" class="vote-form"' not in page
    assert "Mission Locale de Dijon a voté : par Claire Roy" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change,error",
    [
        ({"ranks": (1, 1, 2)}, "chaque rang de 1 à 3 doit être utilisé une seule fois"),
        ({"ranks": (1, "", "")}, "chaque rang de 1 à 3 doit être utilisé une seule fois"),
        ({"ranks": ("", "", "")}, "Classez chaque proposition de « Classez les priorités »"),
        ({"single": ""}, "Ce champ est obligatoire"),
        ({"single": "Décembre"}, "Sélectionnez un choix valide"),
        ({"multiple": ("Mobilité", "Sport")}, "Sélectionnez un choix valide"),
    ],
)
def test_invalid_answers_are_refused_in_french(client, network, consultation, change, error):
    client.force_login(network["dijon_director"])

    response = client.post(_url(consultation), vote_post(consultation, **change))

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_the_ranking_is_stored_in_ranked_order(client, network, consultation):
    client.force_login(network["dijon_director"])
    client.post(_url(consultation), vote_post(consultation, ranks=(3, 1, 2), text=" Merci "))
    questions = list(consultation.questions.all())
    answers = Vote.objects.get().answers
    assert answers[str(questions[2].pk)] == ["Communication", "Observatoire", "Formation"]
    assert answers[str(questions[3].pk)] == "Merci"


@pytest.mark.django_db
def test_a_survey_takes_one_answer_per_person(network):
    survey = make_consultation([network["dijon"]], mode=Consultation.Mode.PERSON)
    for user in (network["dijon_director"], network["dijon_adviser"], network["dijon_adviser"]):
        cast(survey, user)
    assert survey.votes.count() == 2
    assert set(survey.votes.values_list("structure", flat=True)) == {network["dijon"].pk}
    with pytest.raises(VoteRefused, match="ne vous est pas adressée"):
        vote_cast(consultation=survey, user=network["beaune_delegate"], answers={})
