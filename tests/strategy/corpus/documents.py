"""The corpus's documents, built at test time: Word with python-docx, LibreOffice with odfpy,
PDF with reportlab (a text layer) or exported by LibreOffice when it is installed."""

import shutil
import subprocess
from pathlib import Path

import pytest

from . import texts


def text_file(text: str, name: str):
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_text(text, encoding="utf-8")
        return path

    return build


def _docx_with_styles(paragraphs, path: Path) -> Path:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    for style, text in paragraphs:
        if style not in [s.name for s in document.styles]:
            document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)  # « Titre 1 », French Word
        document.add_paragraph(text, style=style)
    document.save(path)
    return path


def word_styles(directory: Path) -> Path:
    return _docx_with_styles(texts.WORD_STYLES, directory / "plan-styles.docx")


def word_typography(directory: Path) -> Path:
    return _docx_with_styles(texts.TYPOGRAPHY, directory / "plan-typographie.docx")


def word_table(directory: Path) -> Path:
    from docx import Document

    plan = texts.TABLE_PLAN
    document = Document()
    document.add_paragraph(plan["title"], style="Title")
    document.add_paragraph("Nos valeurs", style="Heading 1")
    document.add_paragraph("L'équité, la coopération et la transparence.")
    tables = zip(texts.TABLE_HEADERS, plan["priorities"], strict=True)
    for headers, (priority, objectives) in tables:
        document.add_paragraph(priority, style="Heading 1")
        for objective, rows in objectives:
            document.add_paragraph(objective, style="Heading 2")
            table = document.add_table(rows=1, cols=5)
            for cell, header in zip(table.rows[0].cells, headers, strict=True):
                cell.text = header
            for row in rows:
                for cell, value in zip(table.add_row().cells, row, strict=True):
                    cell.text = value
    path = directory / "plan-tableau.docx"
    document.save(path)
    return path


def odt(directory: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    current_list = None
    for level, text in texts.ODT_PLAN:
        if level == "item":
            if current_list is None:
                current_list = List()
                document.text.addElement(current_list)
            item = ListItem()
            item.addElement(P(text=text))
            current_list.addElement(item)
            continue
        current_list = None
        document.text.addElement(H(outlinelevel=level, text=text) if level else P(text=text))
    path = directory / "plan.odt"
    document.save(str(path))
    return path


def pdf_from_text(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in text.splitlines():
        if y < 60:
            drawing.showPage()
            y = 800
        drawing.setFont("Helvetica", 11)
        drawing.drawString(50, y, line)
        y -= 16
    drawing.save()
    return path


def pdf_text_layer(directory: Path) -> Path:
    return pdf_from_text(texts.LEVEL_WORDS, directory / "plan-texte.pdf")


def pdf_by_libreoffice(directory: Path) -> Path:
    """The Word plan with level words, exported to PDF by LibreOffice as a director would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: its PDF export is not tested here")
        pytest.skip("LibreOffice (soffice) introuvable : l'export PDF par LibreOffice n'est "
                    "pas testé")  # fmt: skip
    paragraphs = [("Normal", line) for line in texts.LEVEL_WORDS.splitlines() if line.strip()]
    source = _docx_with_styles(paragraphs, directory / "plan-libreoffice.docx")
    subprocess.run(  # noqa: S603 - a fixed local program on a file of the test
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(directory), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return directory / "plan-libreoffice.pdf"


def scanned_pdf(directory: Path) -> Path:
    """A PDF of pictures only, as a scanner makes: no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = directory / "plan-scanne.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for y in range(100, 800, 40):
        drawing.rect(50, y, 400, 12, fill=1)  # lines of "text" as a scan draws them
    drawing.save()
    return path
