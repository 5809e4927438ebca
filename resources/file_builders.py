"""Real office files written from text, for the demo (and the tests): PDF with reportlab,
DOCX, PPTX and XLSX with their python libraries, ODT and ODS with odfpy."""

import io
from pathlib import Path


def build_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A PDF with a real text layer, in a Unicode font (accents, œ and ligatures survive)."""
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "TrameVera" not in pdfmetrics.getRegisteredFontNames():
        fonts = Path(reportlab.__file__).parent / "fonts"
        pdfmetrics.registerFont(TTFont("TrameVera", str(fonts / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("TrameVeraBold", str(fonts / "VeraBd.ttf")))
    styles = getSampleStyleSheet()
    heading = styles["Title"].clone("TrameTitle", fontName="TrameVeraBold")
    body = styles["BodyText"].clone("TrameBody", fontName="TrameVera", fontSize=11, leading=15)
    output = io.BytesIO()
    document = SimpleDocTemplate(output, pagesize=A4, title=title, author="Trame")
    story = [Paragraph(_escape(title), heading), Spacer(1, 12)]
    for paragraph in paragraphs:
        story += [Paragraph(_escape(paragraph), body), Spacer(1, 6)]
    document.build(story)
    return output.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def build_odt(title: str, paragraphs: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def build_ods(title: str, rows: list[list[str]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=title[:31])
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def build_pptx(title: str, slides: list[str]) -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    for number, text in enumerate(slides):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = title if number == 0 else f"{title} ({number + 1})"
        slide.placeholders[1].text = text
    output = io.BytesIO()
    presentation.save(output)
    return output.getvalue()


def build_xlsx(title: str, rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt, "pptx": build_pptx}
