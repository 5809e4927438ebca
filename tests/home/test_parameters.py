"""Page numbers of the listings and the bounded path converters: what cannot be read is a
French 400 or a 404, never a server error."""

import pytest

from home.converters import MAX_ID, IdConverter, YearConverter
from tests.factories import EventPageFactory, NewsPageFactory

TWENTY_DIGITS = "99999999999999999999"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Page : Le numéro de page doit être un nombre entier."),
        ("0", "Page : Le numéro de page doit être supérieur ou égal à 1."),
        ("-3", "Page : Le numéro de page doit être supérieur ou égal à 1."),
        ("9" * 5000, "Page : Le numéro de page doit être un nombre entier."),
        (TWENTY_DIGITS, "Page : Le numéro de page doit être inférieur ou égal à 100000."),
    ],
)
@pytest.mark.parametrize("listing", ["news_index", "event_index"])
def test_a_page_number_that_cannot_be_read_is_a_400_in_french(
    professional_client, site_pages, listing, page, message
):
    response = professional_client.get(site_pages[listing].url, {"page": page})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Requête invalide" in html
    assert message in html


@pytest.mark.parametrize("listing", ["news_index", "event_index"])
def test_a_page_beyond_the_last_shows_the_last_one(professional_client, site_pages, listing):
    NewsPageFactory(parent=site_pages["news_index"])
    EventPageFactory(parent=site_pages["event_index"])

    response = professional_client.get(site_pages[listing].url, {"page": "100000"})

    assert response.status_code == 200


@pytest.mark.parametrize("value", ["1", str(MAX_ID)])
def test_an_id_the_databases_can_store_is_read(value):
    assert IdConverter().to_python(value) == int(value)


@pytest.mark.parametrize("value", ["0", str(MAX_ID + 1), TWENTY_DIGITS[:19]])
def test_an_id_out_of_range_does_not_match(value):
    with pytest.raises(ValueError):
        IdConverter().to_python(value)


def test_a_year_has_four_digits():
    assert YearConverter().to_python("2025") == 2025
    assert YearConverter().to_url(2025) == "2025"
    assert YearConverter.regex == "[0-9]{4}"
