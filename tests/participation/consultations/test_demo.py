from io import StringIO

from django.core.management import call_command

import pytest

from participation.consultations.models import Consultation, Delegation, Vote
from participation.consultations.results import consultation_results
from participation.consultations.services import recipients
from participation.models import Notification

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "consultations": sorted(Consultation.objects.values_list("title", "opens_at")),
        "votes": sorted(
            Vote.objects.values_list("consultation_id", "structure_id", "person_id", "updated_at")
        ),  # fmt: skip
        "delegations": list(Delegation.objects.values_list("structure_id", "delegate_id")),
        "notifications": Notification.objects.count(),
    }


def test_the_demo_shows_an_open_consultation_and_a_survey_and_a_second_run_changes_nothing(
    settings,
):
    settings.DEMO_PASSWORD = "mot-de-passe-demo"
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()

    regional = Consultation.objects.get(mode=Consultation.Mode.STRUCTURE)
    assert regional.is_open()
    results = consultation_results(regional)
    assert results.votes == 2 and results.audience == 26
    assert {row.structure.short_name for row in results.voted_rows} == {
        "ML Dijon", "ML Grand Besançon"
    }  # fmt: skip
    survey = Consultation.objects.get(mode=Consultation.Mode.PERSON)
    assert survey.votes.count() == 6
    # Each invited structure's voice is told once: its director, or the delegate it named
    # (ML Grand Besançon's); the structure spaces' demo gives three more structures a director.
    told = set(
        Notification.objects.filter(kind="consultation").values_list("recipient_id", flat=True)
    )
    assert told == {voter.pk for voter in recipients(regional)}
    assert len(told) == 4

    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first
