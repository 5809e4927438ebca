"""The barrier-reporting form: stored first, emailed to the editors once committed, sent once
however many times the form is submitted, refused with French messages when incomplete;
editors find the reports in the admin."""

import html
import uuid

from django.core import mail

import pytest

from legal.models import BarrierReport


def report_data(**overrides):
    return {
        "page_url": "/ressources/",
        "description": "Le filtre par type ne se lit pas avec NVDA.",
        "assistive_technology": "Firefox et NVDA",
        "submission_token": str(uuid.uuid4()),
        **overrides,
    }


def test_form_page_is_reachable_from_the_footer(professional_client):
    home = professional_client.get("/").content.decode()
    assert 'href="/accessibilite/signaler/"' in home
    response = professional_client.get("/accessibilite/signaler/?page=/agenda/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Signaler un problème d'accessibilité" in page
    assert 'value="/agenda/"' in page
    assert 'name="submission_token"' in page


def test_report_is_stored_and_emailed_to_editors_on_commit(
    professional_client, professional, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = professional_client.post("/accessibilite/signaler/", report_data())
    assert response.status_code == 302
    assert response["Location"] == "/accessibilite/signaler/envoye/"
    report = BarrierReport.objects.get()
    assert report.reporter == professional
    assert report.status == BarrierReport.Status.NEW
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert message.subject == "Trame : problème d'accessibilité signalé"
    assert "Le filtre par type ne se lit pas avec NVDA." in message.body
    assert f"/admin/signalements-accessibilite/edit/{report.pk}/" in message.body


def test_nothing_is_emailed_before_the_commit(professional_client, editor):
    professional_client.post("/accessibilite/signaler/", report_data())
    assert BarrierReport.objects.count() == 1
    assert mail.outbox == []  # the test's transaction never commits


def test_a_second_submission_of_the_same_form_changes_nothing(
    professional_client, editor, django_capture_on_commit_callbacks
):
    data = report_data()
    with django_capture_on_commit_callbacks(execute=True):
        professional_client.post("/accessibilite/signaler/", data)
        response = professional_client.post("/accessibilite/signaler/", data, follow=True)
    assert BarrierReport.objects.count() == 1
    assert len(mail.outbox) == 1
    assert "Ce signalement avait déjà été envoyé" in response.content.decode()


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"description": ""}, "Décrivez le problème rencontré."),
        ({"description": "flou"}, "Décrivez le problème en quelques mots"),
        ({"page_url": ""}, "Indiquez la page concernée."),
        ({"submission_token": ""}, "Le formulaire a expiré"),
    ],
)
def test_incomplete_report_is_refused_in_french_and_keeps_the_text(
    professional_client, overrides, message
):
    data = report_data(**overrides)
    response = professional_client.post("/accessibilite/signaler/", data)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert message in page
    assert "Le signalement n'a pas été envoyé" in page
    if data["description"]:
        assert data["description"] in page
    assert BarrierReport.objects.count() == 0


def test_editors_see_the_reports_in_the_admin(client, editor, professional):
    BarrierReport.objects.create(
        reporter=professional, page_url="/agenda/", description="Calendrier illisible au zoom."
    )
    client.force_login(editor)
    response = client.get("/admin/signalements-accessibilite/")
    assert response.status_code == 200
    assert "/agenda/" in response.content.decode()


def test_professionals_do_not_see_the_reports(professional_client, professional):
    BarrierReport.objects.create(
        reporter=professional, page_url="/agenda/", description="Calendrier illisible."
    )
    response = professional_client.get("/admin/signalements-accessibilite/")
    assert response.status_code in (302, 403)
