"""One reader per format: each feeds a `Budget` and returns the page count (or None)."""

from html.parser import HTMLParser

from django.utils.translation import gettext as _

from .errors import ExtractionError
from .limits import Budget, check_zip_archive


def read_pdf(file, budget: Budget) -> int:
    from pypdf import PasswordType, PdfReader

    reader = PdfReader(file, strict=False)
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password (only printing is restricted).
        try:
            opened = reader.decrypt("")
        except Exception as error:  # missing crypto provider, unknown algorithm…
            raise ExtractionError(
                _("The PDF is encrypted with a method that cannot be opened.")
            ) from error
        if opened == PasswordType.NOT_DECRYPTED:
            raise ExtractionError(_("The PDF is protected by a password."))
    page_count = len(reader.pages)
    for number, page in enumerate(reader.pages):
        if number >= budget.limits.max_pages:
            budget.truncated = True
            break
        if not budget.add(page.extract_text() or ""):
            break
    return page_count


def read_docx(file, budget: Budget) -> None:
    import docx

    check_zip_archive(file, budget.limits)
    document = docx.Document(file)
    for paragraph in document.paragraphs:
        if not budget.add(paragraph.text):
            return None
    for table in document.tables:
        for row in table.rows:
            if not budget.add(" | ".join(cell.text for cell in row.cells)):
                return None
    return None


def read_pptx(file, budget: Budget) -> int:
    from pptx import Presentation

    check_zip_archive(file, budget.limits)
    presentation = Presentation(file)
    slides = list(presentation.slides)
    for number, slide in enumerate(slides):
        if number >= budget.limits.max_pages:
            budget.truncated = True
            break
        for shape in slide.shapes:
            if shape.has_text_frame and not budget.add(shape.text_frame.text):
                return len(slides)
    return len(slides)


def read_xlsx(file, budget: Budget) -> int:
    from openpyxl import load_workbook

    check_zip_archive(file, budget.limits)
    workbook = load_workbook(file, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            if not budget.add(sheet.title):
                break
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None]
                if cells and not budget.add(" | ".join(cells)):
                    return len(workbook.worksheets)
        return len(workbook.worksheets)
    finally:
        workbook.close()


def read_odf(file, budget: Budget) -> None:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    check_zip_archive(file, budget.limits)
    document = load(file)
    paragraph_names = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(element) -> bool:
        for child in element.childNodes:
            if getattr(child, "qname", None) in paragraph_names:
                if not budget.add(teletype.extractText(child)):
                    return False
            elif child.nodeType == child.ELEMENT_NODE and not walk(child):
                return False
        return True

    walk(document.body)
    return None


def _decode(file, budget: Budget) -> str:
    # Four bytes per character at most in UTF-8: reading more could not add any text.
    data = file.read(budget.limits.max_chars * 4 + 4)
    if b"\x00" in data[:8192]:
        raise ExtractionError(_("The content of the file does not match its extension."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_plain_text(file, budget: Budget) -> None:
    for line in _decode(file, budget).splitlines():
        if not budget.add(line):
            break
    return None


class _TextOfHTML(HTMLParser):
    SKIPPED = {"script", "style", "template", "noscript"}

    def __init__(self, budget: Budget):
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.budget.add(data.strip())


def read_html(file, budget: Budget) -> None:
    parser = _TextOfHTML(budget)
    parser.feed(_decode(file, budget))
    parser.close()
    return None
