"""The fields of one row of a table of actions, read into the action's own fields: the
deadline as a date, the indicators as names, the partners as text. A value that cannot be
read (a deadline in words, say) stays in the description as it was written: nothing of the
row is dropped. The pilot is matched to a structure later, against the database."""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from .patterns import plain

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
MONTH = "(" + "|".join(MONTHS) + ")"
LEAD = r"(?:(?:fin|en|d'ici|d'ici a|avant|au|le|courant|jusqu'a|jusqu'en)\s+)?"
NUMERIC_RE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
DAY_MONTH_RE = re.compile(LEAD + r"(\d{1,2})(?:er)?\s+" + MONTH + r"\s+(\d{4})")
MONTH_RE = re.compile(LEAD + MONTH + r"\s+(\d{4})")
YEAR_RE = re.compile(LEAD + r"(?:(\d{4})\s*(?:-|–|—|/|a)\s*)?(\d{4})")
INDICATOR_SPLIT_RE = re.compile(r"\s*(?:;|\n|\s•\s)\s*")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_deadline(text: str) -> date | None:
    """A French deadline as a date: « 30/06/2027 », « 30 juin 2027 », « juin 2027 » (its
    last day), « 2027 » or « 2026-2027 » (the last day of the year); None otherwise."""
    words = re.sub(r"\s+", " ", plain(text).strip(" .")).replace("\u00a0", " ")
    try:
        if match := NUMERIC_RE.fullmatch(words):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := DAY_MONTH_RE.fullmatch(words):
            return date(int(match[3]), MONTHS[match[2]], int(match[1]))
        if match := MONTH_RE.fullmatch(words):
            return _month_end(int(match[2]), MONTHS[match[1]])
        if match := YEAR_RE.fullmatch(words):
            if match[1] and int(match[1]) > int(match[2]):
                return None  # a range backwards is not a deadline we can trust
            return date(int(match[2]), 12, 31)
    except ValueError:  # 31/02/2027, year 0…
        return None
    return None


def indicator_names(text: str) -> list[str]:
    """The indicators of a cell, one per line, bullet or semicolon."""
    names = (name.strip(" -–•*.") for name in INDICATOR_SPLIT_RE.split(text))
    return [name[:255] for name in names if name]


@dataclass
class RowFields:
    """What a row of a table of actions gives its action besides its title."""

    description: list[str] = field(default_factory=list)  # lines kept as text
    pilot: str = ""
    deadline: date | None = None
    indicators: list[str] = field(default_factory=list)
    partners: str = ""
