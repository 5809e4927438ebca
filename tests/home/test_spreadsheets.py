import datetime
from decimal import Decimal

import pytest

from home.spreadsheets import csv_cell, csv_lines, xlsx_cell
from tests.spreadsheets import BOM, HOSTILE_CELLS


@pytest.mark.parametrize(("typed", "written"), HOSTILE_CELLS.items())
def test_text_that_a_spreadsheet_would_run_is_written_as_text(typed, written):
    assert csv_cell(typed) == written
    assert xlsx_cell(typed) == written


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (-2, "-2"),
        (Decimal("-2.50"), "-2,5"),
        (Decimal("12.00"), "12"),
        (Decimal("1000"), "1000"),
        (0.5, "0,5"),
        (None, ""),
        (datetime.date(2025, 3, 1), "2025-03-01"),
    ],
)
def test_numbers_stay_numbers_with_a_decimal_comma(value, cell):
    assert csv_cell(value) == cell


def test_numbers_and_dates_stay_typed_in_xlsx():
    assert xlsx_cell(-2) == -2
    assert xlsx_cell(Decimal("-2.5")) == Decimal("-2.5")
    assert xlsx_cell(datetime.date(2025, 3, 1)) == datetime.date(2025, 3, 1)


def test_the_csv_starts_with_a_byte_order_mark_and_uses_semicolons():
    lines = list(csv_lines([["Nom", "Vues"], ["=1+1", 3], ["Café; crème", Decimal("1.5")]]))
    assert b"".join(lines) == (BOM + 'Nom;Vues\r\n\'=1+1;3\r\n"Café; crème";1,5\r\n'.encode())


def test_the_csv_is_written_one_row_at_a_time():
    def rows():
        yield ["première"]
        raise AssertionError("read too early")

    lines = csv_lines(rows())
    assert next(lines) == BOM
    assert next(lines) == "première\r\n".encode()
