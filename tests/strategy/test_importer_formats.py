"""ODT and PDF read with the bounds of any other file: an ODT with a DTD is refused, a PDF's
text layer is read, a scan or a broken PDF is refused in French; nothing is created."""

import io
import zipfile
from datetime import date

import pytest

from strategy.importer import PlanImportError, parse_plan, read_bytes
from strategy.importer.row_fields import parse_deadline

from .corpus import documents, texts


def odt_bytes(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_an_odt_with_a_dtd_is_refused():
    content = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
               b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
               b'office:1.0"/>')  # fmt: skip
    with pytest.raises(PlanImportError, match="n’est pas un document texte OpenDocument"):
        read_bytes(odt_bytes(content))


def test_an_odt_without_its_text_body_is_refused():
    with pytest.raises(PlanImportError, match="OpenDocument"):
        read_bytes(odt_bytes(b"<root/>"))


def test_the_headings_and_lists_of_an_odt_become_lines(tmp_path):
    source = read_bytes(documents.odt(tmp_path).read_bytes())
    lines = [text for _number, text in source.lines]
    assert lines[0] == "# Projet associatif 2026-2030 de la Mission Locale du Causse"
    assert "## Ambition 1 – Une Mission Locale ouverte" in lines
    assert "- Fiche action 1 : Ouvrir le samedi matin" in lines


def test_the_text_layer_of_a_pdf_is_read(tmp_path):
    tree = parse_plan(read_bytes(documents.pdf_text_layer(tmp_path).read_bytes()))
    assert len(tree.actions) == 5


def test_a_broken_pdf_is_refused_in_french():
    with pytest.raises(PlanImportError, match="n’est pas un PDF lisible"):
        read_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)


def test_a_scanned_pdf_is_refused_saying_why(tmp_path):
    with pytest.raises(PlanImportError, match="probablement un document numérisé"):
        read_bytes(documents.scanned_pdf(tmp_path).read_bytes())


def test_a_table_of_actions_gives_each_row_its_fields(tmp_path):
    tree = parse_plan(read_bytes(documents.word_table(tmp_path).read_bytes()))
    first, second, third = tree.actions
    assert first.title == "Refaire la signalétique de l'accueil"
    assert first.description == []
    assert first.row.pilot == "Directrice"
    assert first.row.deadline == date(2027, 6, 30)
    assert first.row.indicators == ["Nombre de visites"]
    assert second.row.deadline == date(2026, 6, 30)
    assert second.row.indicators == ["Salariés formés", "Satisfaction des jeunes accueillis"]
    # « Porteur », « Calendrier », « Critères de réussite »: the same fields; a deadline in
    # words is kept as written.
    assert third.row.pilot == "Chargée de projet"
    assert third.row.deadline is None
    assert third.row.indicators == ["Fiches partagées"]
    assert third.description == ["Échéance : Au fil des rencontres"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("juin 2027", date(2027, 6, 30)),
        ("Fin février 2028", date(2028, 2, 29)),
        ("30/06/2027", date(2027, 6, 30)),
        ("1er septembre 2026", date(2026, 9, 1)),
        ("2027", date(2027, 12, 31)),
        ("2025 – 2027", date(2027, 12, 31)),
        ("31/02/2027", None),
        ("Au fil de l'eau", None),
        ("T2 2027", None),
    ],
)
def test_french_deadlines_are_read_as_dates_or_left_as_text(text, expected):
    assert parse_deadline(text) == expected


def test_a_markdown_table_of_actions_is_read_too():
    text = texts.TWO_LEVELS.split("Objectif 2")[0] + (
        "\n| Action | Responsable | Calendrier |\n|---|---|---|\n"
        "| Tenir un stand au salon | Chargé de communication | 2025 |\n"
    )
    tree = parse_plan(read_bytes(text.encode()))
    assert [a.title for a in tree.actions][-1] == "Tenir un stand au salon"
    assert tree.actions[-1].row.pilot == "Chargé de communication"
    assert tree.actions[-1].row.deadline == date(2025, 12, 31)
