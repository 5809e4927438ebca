"""The plan's filters, exports and yearly reviews: a value no filter could have is a French
400 naming the filter, a year out of range a 404, never a server error."""

import pytest

from strategy.services import plan_close_year

from .plans import build_plan

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "99999999999999999999"


@pytest.mark.parametrize("route", ["", "exporter/csv/", "exporter/xlsx/"])
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"pilote": TWENTY_DIGITS}, "Pilote : Assurez-vous que cette valeur"),
        ({"pilote": "dijon"}, "Pilote : Saisissez un nombre entier."),
        ({"orientation": "-1"}, "Orientation : Assurez-vous que cette valeur"),
        ({"orientation": TWENTY_DIGITS}, "Orientation : Assurez-vous que cette valeur"),
        ({"statut": "envolee"}, "Statut : Sélectionnez un choix valide."),
        ({"thematique": "<script>"}, "Thématique : "),
    ],
)
def test_a_filter_that_cannot_be_read_is_a_400_that_names_it(
    home_page, professional_client, route, params, message
):
    plan, *_ = build_plan(home_page)

    response = professional_client.get(plan.url + route, params)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_pilot_that_pilots_nothing_shows_no_action(home_page, professional_client):
    plan, *_ = build_plan(home_page)

    response = professional_client.get(plan.url, {"pilote": str(2**63 - 1)})

    assert response.status_code == 200
    assert "Aucune action ne correspond à ces filtres." in response.content.decode()


@pytest.mark.parametrize("year", [TWENTY_DIGITS, "99999", "-2024", "0", "20a4"])
def test_a_review_year_out_of_range_is_not_found(home_page, professional_client, year):
    plan, *_ = build_plan(home_page)
    plan_close_year(plan=plan, year=2024, assessment="Une année utile.")

    assert professional_client.get(f"{plan.url}bilans/{year}/").status_code == 404
    assert professional_client.get(f"{plan.url}bilans/2024/").status_code == 200
