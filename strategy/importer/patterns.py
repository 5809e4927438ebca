"""One line of a plan to the pattern that announces it: a French level word (« Axe
stratégique I – … », « Fiche action 3 : … »), a numbering (`1.`, `1.1`, `III.1.1`, `A.`,
`a)`, `1)`), a Word or Markdown heading level, a bullet, or a line in capitals. The pattern
is what a person recognises in their own document and what the mapping step names.

Every expression here is anchored and bounded (numbers of at most three digits, a fixed
list of words), so that no line can make one backtrack at length."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_HEADING_CHARACTERS = 300  # a longer line is prose, never a heading

# (words as written without accents, the level they usually announce, whether the word is
# also used one level up: « Axe » is an orientation when « Objectif » comes below it).
LEVEL_WORDS = [
    ("fiche action", 2, False),
    ("fiche-action", 2, False),
    ("piste d'action", 2, False),
    ("orientation strategique", 0, False),
    ("axe strategique", 0, False),
    ("objectif strategique", 1, False),
    ("objectif operationnel", 1, False),
    ("objectif general", 1, False),
    ("orientation", 0, False),
    ("enjeu", 0, False),
    ("priorite", 0, False),
    ("ambition", 0, False),
    ("axe", 1, True),
    ("objectif", 1, False),
    ("chantier", 1, False),
    ("volet", 1, False),
    ("action", 2, False),
    ("mesure", 2, False),
    ("piste", 2, False),
]
SEPARATORS = r"[:.\-–—)]"
NUMBER = r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}|[IVXLC]{1,6}(?:\.[0-9]{1,3}){0,2}|[A-Za-z])"
NUMBERED_RE = [
    ("1.1.1", re.compile(r"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.?(?=[\s:\-–—])")),
    ("1.1", re.compile(r"^[0-9]{1,3}\.[0-9]{1,3}\.?(?=[\s:\-–—])")),
    ("I.1.1", re.compile(r"^[IVXLC]{1,6}\.[0-9]{1,3}\.[0-9]{1,3}\.?(?=[\s:\-–—])")),
    ("I.1", re.compile(r"^[IVXLC]{1,6}\.[0-9]{1,3}\.?(?=[\s:\-–—])")),
    ("1)", re.compile(r"^[0-9]{1,3}\)(?=\s)")),
    ("1.", re.compile(r"^[0-9]{1,3}(?:\.|\s*[–—-]|\s*:)(?=\s)")),
    ("I.", re.compile(r"^[IVXLC]{1,6}(?:\.|\s*[–—-]|\s*:)(?=\s)")),
    ("A.", re.compile(r"^[A-Z]\.(?=\s)")),
    ("a)", re.compile(r"^[a-z]\)(?=\s)")),
]
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET_RE = re.compile(r"^(\s*)[-*•–+▪◦·]\s+(.*)$")
LEADING_PUNCTUATION = " :.-–—)"


def plain(text: str) -> str:
    """Lower case, no accents, straight apostrophes: how words are compared."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text == text.upper()


@dataclass
class LineShape:
    """What a line looks like: its pattern key (None for prose), the label a person reads
    for that pattern, the title once the pattern's marks are taken off, the word's usual
    level, and the heading rank (Markdown or Word heading level; 0 when none)."""

    key: str | None
    label: str
    title: str
    hint: int | None = None
    flexible: bool = False  # « Axe »: an orientation when an axis word comes below it
    rank: int = 0
    bullet_depth: int | None = None


def _level_word(text: str):
    """A level word at the start of `text`, with a number or a separator after it."""
    lowered = plain(text)
    for word, level, flexible in LEVEL_WORDS:
        if not lowered.startswith(word):
            continue
        rest = text[len(word) :]
        if rest and rest[0].isalpha():
            continue  # « Actions » or « Orientations » as prose, not a level word
        match = re.match(r"^\s*(?:n\s*°\s*)?(" + NUMBER + r")?\.?\s*(" + SEPARATORS + r")?\s*(.*)$",
                         rest)  # fmt: skip
        if not match or not (match.group(1) or match.group(2)):
            continue
        number = match.group(1) or ""
        if not match.group(2) and len(number) == 1 and number.isalpha() and number not in "IVX":
            continue  # « Action a été menée »: a lone letter after the word is no number
        label = text[: len(word)].strip()
        return label[:1].upper() + label[1:].lower(), match.group(3).strip(), level, flexible
    return None


def _numbering(text: str):
    for key, expression in NUMBERED_RE:
        if match := expression.match(text):
            return key, text[match.end() :].strip(LEADING_PUNCTUATION + "\t")
    return None


def line_shape(text: str) -> LineShape:
    """The shape of one cleaned line (see `parser.clean_line`)."""
    stripped = text.strip()
    rank, bullet_depth = 0, None
    if heading := HEADING_RE.match(stripped):
        rank, stripped = len(heading.group(1)), heading.group(2).rstrip("#").strip()
    elif bullet := BULLET_RE.match(text):
        bullet_depth, stripped = len(bullet.group(1).expandtabs(2)) // 2, bullet.group(2).strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARACTERS or stripped.startswith("|"):
        return LineShape(None, "", stripped, rank=rank, bullet_depth=bullet_depth)
    if found := _level_word(stripped):
        label, title, level, flexible = found
        return LineShape("mot:" + plain(label), label, title, level, flexible, rank, bullet_depth)
    if found := _numbering(stripped):
        key, title = found
        return LineShape("num:" + key, key, title, rank=rank, bullet_depth=bullet_depth)
    if rank:
        return LineShape(f"titre:{rank}", _("Heading %(n)d") % {"n": rank}, stripped, rank=rank)
    if bullet_depth is not None:
        label = _("Bullet") if not bullet_depth else _("Bullet, level %(n)d") % {
            "n": bullet_depth + 1}  # fmt: skip
        return LineShape(f"puce:{bullet_depth}", label, stripped, bullet_depth=bullet_depth)
    if is_shouted(stripped) and len(stripped) <= 120:
        return LineShape("maj", _("LINE IN CAPITALS"), stripped.capitalize())
    return LineShape(None, "", stripped)
