"""ODT and PDF read with the bounds of any other file: an ODT with a DTD is refused, a PDF's
text layer is read, a scan or a broken PDF is refused in French; nothing is created."""

import io
import zipfile

import pytest

from strategy.importer import PlanImportError, parse_plan, read_bytes

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
    first = tree.actions[0]
    assert first.title == "Refaire la signalétique de l'accueil"
    assert first.description == ["Pilote : Directrice", "Échéance : 2025",
                                 "Indicateur : Nombre de visites"]  # fmt: skip


def test_a_markdown_table_of_actions_is_read_too():
    text = texts.TWO_LEVELS.split("Objectif 2")[0] + (
        "\n| Action | Responsable | Calendrier |\n|---|---|---|\n"
        "| Tenir un stand au salon | Chargé de communication | 2025 |\n"
    )
    tree = parse_plan(read_bytes(text.encode()))
    assert [a.title for a in tree.actions][-1] == "Tenir un stand au salon"
    assert tree.actions[-1].description == ["Pilote : Chargé de communication",
                                            "Échéance : 2025"]  # fmt: skip
