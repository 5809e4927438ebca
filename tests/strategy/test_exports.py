"""The plan's exports: action titles, partners and indicator names are typed by editors and
group leads, and end up in the spreadsheets of every reader of the plan."""

import pytest

from strategy.models import AxisPage
from tests.factories import ActionPageFactory
from tests.spreadsheets import HOSTILE_CELLS, csv_rows, xlsx_values

from .plans import add_indicator, build_plan

pytestmark = pytest.mark.django_db


def is_hostile_action(number: str) -> bool:
    """Actions 3.3 and after: the plan's own axis 3 has 3.1 and 3.2."""
    axis, rank = number.split(".")
    return axis == "3" and int(rank) > 2


@pytest.fixture
def hostile_plan(home_page):
    plan, *_ = build_plan(home_page)
    axis = AxisPage.objects.get(number=3)
    for rank, typed in enumerate(HOSTILE_CELLS):
        action = ActionPageFactory(
            parent=axis, title=typed, slug=f"action-{rank}", partners=typed, progress=rank
        )
        add_indicator(action, {2024: -2}, name=typed, baseline=-1, target=None)
    return plan


def test_the_csv_export_writes_typed_text_as_text_and_numbers_as_numbers(
    professional_client, hostile_plan
):
    rows = csv_rows(professional_client.get(hostile_plan.url + "exporter/csv/"))

    blank = rows.index([])
    actions, indicators = rows[1:blank], rows[blank + 2 :]
    hostile_actions = [row for row in actions if is_hostile_action(row[2])]
    assert [(row[3], row[7]) for row in hostile_actions] == [
        (written, written) for written in HOSTILE_CELLS.values()
    ]
    hostile_indicators = indicators[1:]
    assert [row[1] for row in hostile_indicators] == list(HOSTILE_CELLS.values())
    # Numbers are numbers: a negative baseline and a negative value are not neutralised.
    assert {(row[3], row[-2]) for row in hostile_indicators} == {("-1", "-2")}


def test_the_xlsx_export_writes_typed_text_as_text_and_numbers_as_numbers(
    professional_client, hostile_plan
):
    rows = xlsx_values(professional_client.get(hostile_plan.url + "exporter/xlsx/"))

    hostile_actions = [row for row in rows[1:] if is_hostile_action(row[2])]
    assert [(row[3], row[7]) for row in hostile_actions] == [
        (written, written) for written in HOSTILE_CELLS.values()
    ]
