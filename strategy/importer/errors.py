from django.utils.translation import gettext as _

EXCERPT_CHARACTERS = 40


def unit_label(unit: str) -> str:
    """How the source numbers its lines, in messages: Word paragraphs or text lines."""
    return _("paragraph") if unit == "paragraph" else _("line")


def excerpt(text: str) -> str:
    """The start of a line, enough for a person to find it in their file."""
    text = " ".join(text.split()[:20])
    if len(text) <= EXCERPT_CHARACTERS:
        return text
    cut = text[: EXCERPT_CHARACTERS - 1]
    if text[len(cut)] != " " and " " in cut[EXCERPT_CHARACTERS // 2 :]:
        cut = cut.rsplit(" ", 1)[0]  # whole words, unless one word fills it
    return cut.rstrip(" :,;") + "…"


class PlanImportError(Exception):
    """A file the importer cannot understand; the message is for the person importing and
    names the line (or Word paragraph) by its number, with its first words when given."""

    def __init__(
        self, message: str, *, line: int | None = None, unit: str = "line", text: str = ""
    ):
        self.message = message
        self.line = line
        self.unit = unit
        self.excerpt = excerpt(text) if text else ""
        super().__init__(str(self))

    def __str__(self):
        if self.line is None:
            return self.message
        where = f"{unit_label(self.unit).capitalize()} {self.line}"
        if self.excerpt:
            where = _("%(where)s (“%(excerpt)s”)") % {"where": where, "excerpt": self.excerpt}
        return _("%(where)s: %(message)s") % {"where": where, "message": self.message}
