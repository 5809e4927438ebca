"""An editor creates a consultation in Wagtail's admin; the voters hear of it once the save
is committed."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from participation.consultations.models import Consultation
from participation.models import Notification

ADD_URL = "wagtailsnippets_participation_consultations_consultation:add"


def _form(network, **overrides):
    now = timezone.localtime()
    data = {
        "title": "Charte de coopération avec France Travail",
        "introduction": "Validez-vous le projet de charte ?",
        "opens_at": (now - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "closes_at": (now + datetime.timedelta(days=10)).strftime("%Y-%m-%d %H:%M"),
        "mode": "structure",
        "questions": inline_formset(
            [
                {
                    "label": "Validez-vous la charte ?",
                    "kind": "single",
                    "options": "Oui\nNon\nAbstention",
                    "help_text": "",
                    "required": "on",
                }
            ]
        ),  # fmt: skip
    }
    data.update(overrides)
    # A multiple choice is a list of values, which nested_form_data would number.
    return nested_form_data(data) | {"structures": [network["dijon"].pk, network["beaune"].pk]}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_creates_a_consultation_and_its_voters_are_notified(client, network):
    client.force_login(network["editor"])

    response = client.post(reverse(ADD_URL), _form(network))

    assert response.status_code == 302, response.context["form"].errors
    consultation = Consultation.objects.get()
    assert set(consultation.structures.all()) == {network["dijon"], network["beaune"]}
    assert consultation.questions.get().option_list == ["Oui", "Non", "Abstention"]
    assert consultation.created_by == network["editor"]
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"directrice-dijon", "deleguee-beaune"}


@pytest.mark.django_db
def test_a_choice_question_needs_two_options_and_the_close_follows_the_open(client, network):
    client.force_login(network["editor"])
    data = _form(
        network,
        closes_at="2020-01-01 10:00",
        questions=inline_formset(
            [{"label": "Validez-vous ?", "kind": "single", "options": "Oui", "required": "on"}]
        ),
    )

    response = client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Indiquez au moins deux propositions différentes." in page
    assert "La date de clôture doit suivre celle d&#x27;ouverture." in page
    assert not Consultation.objects.exists()


@pytest.mark.django_db
def test_a_professional_cannot_create_a_consultation(client, network):
    client.force_login(network["dijon_director"])
    response = client.post(reverse(ADD_URL), _form(network))
    assert response.status_code in (302, 403)
    assert not Consultation.objects.exists()
