"""The one way Trame writes spreadsheets that people download: CSV for French Excel (UTF-8 with
a byte order mark, semicolons, decimal commas), streamed row by row, and the cells of every
export, CSV or XLSX, neutralised against formula injection.

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
spreadsheet programs (`=HYPERLINK(...)` sends data away, `-2+3` computes), and searches, titles
and names are typed by anyone. As OWASP recommends, such a cell is prefixed with a single quote
so that it is read as text. Numbers (int, float, Decimal) are written as numbers, negative ones
included: only text is neutralised.
"""

import csv
import datetime
import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils.encoding import force_str

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Some programs drop leading spaces before reading a formula: " =1+1" is guarded too.
IGNORED_LEADING = " \u00a0\n"
BOM = "\ufeff"
DELIMITER = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def neutralise(value):
    """`value` with a leading quote if it is text that a spreadsheet would run as a formula;
    anything else unchanged."""
    if isinstance(value, str) and value.lstrip(IGNORED_LEADING).startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def csv_cell(value) -> str:
    """The text of one CSV cell: numbers with a decimal comma, dates in ISO format, None
    empty, and any other value as neutralised text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # 12.00 is 12, 12.50 is 12,5 ("f": never the exponent notation of normalize()).
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f").replace(".", ",")
    if is_number(value):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return neutralise(force_str(value))


class _Echo:
    """A file whose `write` returns what it is given, so that the csv module builds one line
    at a time for a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable]) -> Iterator[bytes]:
    """The encoded lines of a CSV file, the byte order mark first."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM.encode()
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row]).encode()


def csv_response(rows: Iterable[Iterable], *, filename: str) -> StreamingHttpResponse:
    """A CSV download, streamed: `rows` may be a generator over a large queryset."""
    response = StreamingHttpResponse(csv_lines(rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_cell(value):
    """A value for an XLSX cell: numbers and dates stay typed, text is neutralised (a string
    cell is not evaluated when opened, but becomes a formula again when edited)."""
    if value is None or is_number(value) or isinstance(value, datetime.date | datetime.time):
        return value
    return neutralise(force_str(value))


class SafeSpreadsheetExportMixin:
    """For Wagtail's report and listing views (`SpreadsheetExportMixin`): every value goes
    through `xlsx_cell` or `csv_cell`, and the CSV is the one `csv_lines` writes."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return csv_cell(value)
        return xlsx_cell(value)

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def write_csv_response(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return csv_response(
            itertools.chain([headings], rows), filename=f"{self.get_filename()}.csv"
        )
