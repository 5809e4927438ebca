"""Broken and hostile Word documents, built at run time (never committed as binaries): a
document written by python-docx, then its XML edited inside the zip."""

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLAN = [
    "Projet associatif 2025-2028",
    "Orientation 1 : Agir ensemble",
    "AXE 1",
    "Se rencontrer",
    "1.1 Organiser deux journées par an",
]


def plan_docx(paragraphs=PLAN) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_document_xml(data: bytes, edit) -> bytes:
    """`data` with its word/document.xml replaced by `edit(xml)`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = edit(content.decode()).encode()
            target.writestr(item, content)
    return buffer.getvalue()


def docx_with_list_level(value: str, paragraph: int = 2) -> bytes:
    """The small plan, its `paragraph`-th paragraph in a list whose level (w:ilvl) is
    `value`."""

    def edit(xml):
        start = 0
        for _ in range(paragraph):
            start = xml.index("<w:p>", start) + len("<w:p>")
        level = f'<w:ilvl w:val="{value}"/>'
        numbering = f'<w:pPr><w:numPr>{level}<w:numId w:val="1"/></w:numPr></w:pPr>'
        return xml[:start] + numbering + xml[start:]

    return with_document_xml(plan_docx(), edit)


def docx_nested(depth: int) -> bytes:
    """The small plan, its second paragraph's text inside `depth` nested elements."""

    def edit(xml):
        start = xml.rindex("<w:r>", 0, xml.index("Orientation 1"))
        end = xml.index("</w:r>", start) + len("</w:r>")
        nested = "<w:smartTag>" * depth + xml[start:end] + "</w:smartTag>" * depth
        return xml[:start] + nested + xml[end:]

    return with_document_xml(plan_docx(), edit)
