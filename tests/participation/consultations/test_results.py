"""Results: by structure and in total, participation, secret results (totals only, on the
page and in the CSV), and who may read them."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

import pytest

from participation.consultations.models import Consultation
from participation.consultations.results import consultation_results

from .conftest import cast, make_consultation


def _close(consultation):
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    consultation.refresh_from_db()


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


@pytest.fixture
def voted(network, consultation):
    cast(consultation, network["dijon_director"], single="Juin", text='=HYPERLINK("x")')
    beaune = {"single": "Octobre", "multiple": ("Mobilité", "Logement")}
    cast(consultation, network["beaune_delegate"], **beaune)
    return consultation


@pytest.mark.django_db
def test_totals_participation_and_answers_by_structure(network, voted):
    results = consultation_results(voted)

    single, multiple, ranking, text = results.totals
    assert [(o.option, o.count, o.percent) for o in single.options] == [
        ("Mars", 0, 0), ("Juin", 1, 50), ("Octobre", 1, 50)
    ]  # fmt: skip
    assert [(o.option, o.count) for o in multiple.options] == [
        ("Mobilité", 2), ("Logement", 1), ("Numérique", 0)
    ]  # fmt: skip
    assert [o.option for o in ranking.options] == ["Formation", "Observatoire", "Communication"]
    assert (results.votes, results.audience) == (2, 2)
    rows = {row.structure.name: row for row in results.rows}
    assert rows["Mission Locale de Beaune"].cells[0] == "Octobre"
    assert rows["Mission Locale de Beaune"].vote.person == network["beaune_delegate"]


@pytest.mark.django_db
def test_the_page_lists_who_has_not_voted(client, network):
    consultation = make_consultation([network["dijon"], network["beaune"], network["vesoul"]])
    cast(consultation, network["dijon_director"])
    client.force_login(network["editor"])

    page = client.get(reverse("consultations:results", args=[consultation.pk])).content.decode()

    assert "Structures ayant voté : 1 sur 3 invitées (33 %)" in page
    missing = page.split("N'ont pas encore voté")[1].split("Totaux")[0]
    assert "Mission Locale de Beaune" in missing and "Mission Locale de Vesoul" in missing
    assert "Mission Locale de Dijon" not in missing


@pytest.mark.django_db
def test_csv_has_french_headers_one_row_per_structure_and_neutralised_cells(client, network, voted):
    client.force_login(network["editor"])

    response = client.get(reverse("consultations:results_csv", args=[voted.pk]))

    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows[0][:4] == ["Structure", "Voté", "Voix exprimée par", "Date du vote"]
    assert rows[0][4] == "Quel calendrier pour la journée régionale ?"
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Mission Locale de Beaune"][1:3] == ["Oui", "Inès Roux"]
    assert by_name["Mission Locale de Beaune"][4] == "Octobre"
    assert by_name["Mission Locale de Dijon"][7] == '\'=HYPERLINK("x")'
    assert by_name["Total"][1] == "2 sur 2"
    assert by_name["Total"][4] == "Mars : 0 ; Juin : 1 ; Octobre : 1"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["editor", "dijon_adviser"])
def test_secret_results_are_totals_only_for_everyone(client, network, consultation, who):
    Consultation.objects.filter(pk=consultation.pk).update(results_secret=True)
    cast(consultation, network["beaune_delegate"], single="Octobre", text="Avis de Beaune")
    _close(consultation)
    client.force_login(network[who])

    page = client.get(reverse("consultations:results", args=[consultation.pk])).content.decode()
    rows = _csv(client.get(reverse("consultations:results_csv", args=[consultation.pk])))

    assert "Octobre</th><td>1</td>" in page.replace("\n", "")  # the totals
    assert "Avis de Beaune" in page  # free answers are listed, unattributed
    assert "Réponses de chaque structure" not in page
    assert [row[0] for row in rows] == ["Structure", "Total"]
    assert "Octobre : 1" in rows[1][4]


@pytest.mark.django_db
def test_results_wait_for_the_close_except_for_editors(client, network, voted):
    url = reverse("consultations:results", args=[voted.pk])
    client.force_login(network["dijon_adviser"])
    assert client.get(url).status_code == 404
    assert client.get(url.replace("resultats/", "resultats.csv")).status_code == 404

    client.force_login(network["editor"])
    assert client.get(url).status_code == 200

    _close(voted)
    client.force_login(network["dijon_adviser"])
    page = client.get(url).content.decode()
    assert "Réponses de chaque structure" in page and "Inès Roux" in page


@pytest.mark.django_db
def test_a_structure_not_invited_sees_neither_the_consultation_nor_its_results(
    client, network, voted
):
    _close(voted)
    client.force_login(network["vesoul_director"])
    for name in ("detail", "results", "results_csv"):
        assert client.get(reverse(f"consultations:{name}", args=[voted.pk])).status_code == 404
    assert voted.title not in client.get(reverse("consultations:list")).content.decode()


@pytest.mark.django_db
def test_a_survey_is_broken_down_by_structure(network):
    survey = make_consultation(
        [network["dijon"], network["beaune"]], mode=Consultation.Mode.PERSON,
        title="Questionnaire de satisfaction annuel",
    )  # fmt: skip
    for user, single in (("dijon_director", "Juin"), ("dijon_adviser", "Mars"),
                         ("beaune_delegate", "Juin")):  # fmt: skip
        cast(survey, network[user], single=single)

    results = consultation_results(survey)

    assert (results.votes, results.audience) == (3, 4)
    rows = {row.structure.name: row for row in results.rows}
    assert rows["Mission Locale de Dijon"].respondents == 2
    assert rows["Mission Locale de Dijon"].cells[0] == "Mars : 1 ; Juin : 1 ; Octobre : 0"
    assert results.totals[0].options[1].count == 2
