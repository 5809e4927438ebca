"""Numbered lines to a plan tree. Tolerates the stray markup of text extracted from PDF
(`1^{er}`, `**`, Markdown headings and tables, blank runs); refuses, with the line and what
was expected, what would build a wrong tree. Runs in time linear in the file, within the
bounds of `limits` (numbers of at most three digits, a bounded count of items, a deadline);
no pattern here can backtrack over a long line."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import limits
from .errors import PlanImportError, unit_label
from .row_fields import RowFields
from .sections import build_section_blocks

ORIENTATION_RE = re.compile(r"^orientation\s+([0-9]+)\s*(?:[:.\-–—]\s*(.*))?$", re.IGNORECASE)
AXIS_RE = re.compile(r"^axe\s+([0-9]+)\s*(?:[:.\-–—]\s*(.*))?$", re.IGNORECASE)
# `(?>…)`: the spaces after the number are read once, never again on a failed match.
ACTION_RE = re.compile(
    r"^(?:action\s+)?([0-9]+(?:\.[0-9]+){1,2})\.?(?:(?>\s*)[:\-–—])?(?>\s+)(\S.*)$",
    re.IGNORECASE,
)
ACTIONS_LABEL_RE = re.compile(r"^(?:fiches?\s+)?actions?\s*:?$", re.IGNORECASE)
BULLET_RE = re.compile(r"^(\s*)[-*•–+]\s+(.*)$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
PERIOD_RE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|/|à)\s*((?:19|20)\d\d)\b")

# (section kind, words that announce it); the first match wins.
SECTION_KEYWORDS = [
    ("toc", ("sommaire", "table des matieres")),
    ("preamble", ("preambule", "introduction", "avant-propos")),
    ("conditions", ("conditions de reussite", "evaluation", "suivi du projet")),
    ("values", ("valeurs",)),
    ("missions", ("nos missions", "missions de l'association", "notre mission")),
    ("orientations", ("orientations", "axes strategiques", "plan d'action")),
    ("history", ("qui sommes-nous", "qui sommes nous", "histoire", "historique", "dates cles")),
    ("review", ("demarche", "existant", "diagnostic", "etat des lieux")),
]


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def clean_line(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    return text.rstrip()


def section_kind(heading: str) -> str | None:
    plain = _plain(heading)
    for kind, words in SECTION_KEYWORDS:
        if any(word in plain for word in words):
            return kind
    return None


def _is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text == text.upper()


@dataclass
class ActionNode:
    number: str
    title: str
    line: int
    description: list[str] = field(default_factory=list)
    row: RowFields | None = None  # its fields, when it was a row of a table of actions


@dataclass
class AxisNode:
    number: int
    title: str
    line: int
    summary: list[str] = field(default_factory=list)
    actions: list[ActionNode] = field(default_factory=list)


@dataclass
class OrientationNode:
    number: int
    title: str
    line: int
    summary: list[str] = field(default_factory=list)
    axes: list[AxisNode] = field(default_factory=list)


@dataclass
class SectionNode:
    kind: str
    heading: str
    line: int
    items: list = field(default_factory=list)  # raw items, turned into blocks at the end
    blocks: list = field(default_factory=list)


@dataclass
class PlanTree:
    title: str
    period_start: int | None
    period_end: int | None
    sections: list[SectionNode]
    orientations: list[OrientationNode]
    unit: str = "line"  # "line" or "paragraph": how the source numbers its lines
    # False when no line before the first section could be the plan's title: `title` is
    # then a stand-in that must never be taken for the name of an existing plan.
    title_found: bool = True
    # Read by level detection (`outline.py`): the patterns and their levels, and the lines
    # of text kept in a section they were not written under, for the preview to mark them.
    detection: object = None
    unclassified: list = field(default_factory=list)

    @property
    def axes(self):
        return [axis for o in self.orientations for axis in o.axes]

    @property
    def actions(self):
        return [action for axis in self.axes for action in axis.actions]


class _Parser:
    def __init__(self, source):
        self.unit = source.unit
        self.lines = source.lines
        self.deadline = source.deadline
        self.text = ""  # the line being read, quoted in messages about its numbers
        self.items = 0
        self.cover: list[str] = []
        self.sections: list[SectionNode] = []
        self.orientations: list[OrientationNode] = []
        self.mode = "cover"  # cover, toc, section, plan
        self.section: SectionNode | None = None
        self.orientation = self.axis = self.action = None
        self.axis_needs_title = False
        self.seen = {"orientation": {}, "axis": {}, "action": {}}
        self.after_blank = True

    def fail(self, message, line, text=""):
        raise PlanImportError(message, line=line, unit=self.unit, text=text)

    def parse(self) -> PlanTree:
        last_line = 1
        for number, raw in self.lines:
            self.deadline.check(number, self.unit)
            last_line = number
            self.text = raw
            self.feed(number, clean_line(raw))
        self._check_titles()
        if not self.orientations:
            self.fail(
                _(
                    "no orientation found. Expected lines such as “Orientation 1 : title”, "
                    "then “AXE 1” followed by its title, then actions such as “- 1.1 title”."
                ),
                last_line,
            )
        for section in self.sections:
            section.blocks = build_section_blocks(section.kind, section.items)
        title, period_start, period_end = self._title_and_period()
        return PlanTree(
            title,
            period_start,
            period_end,
            self.sections,
            self.orientations,
            unit=self.unit,
            title_found=any(re.search(r"[^\W\d_]", t) for t in self.cover),
        )

    def _check_titles(self):
        """An axis, or an orientation, left without a title by the line that closes it."""
        if self.axis_needs_title:
            self.fail(_("the axis %(n)s has no title.") % {"n": self.axis.number}, self.axis.line)
        if self.orientation is not None and not self.orientation.title:
            self.fail(
                _(
                    "the orientation %(n)s has no title; expected “Orientation %(n)s : title”, "
                    "or its title on the next line."
                )
                % {"n": self.orientation.number},
                self.orientation.line,
            )

    def _number(self, digits: str, line: int) -> str:
        """A number of the plan as written, refused when one of its parts is too long to be
        a number of a plan (and would not fit in the page's field)."""
        if any(len(part) > limits.MAX_NUMBER_DIGITS for part in digits.split(".")):
            self.fail(
                _(
                    "the number “%(number)s” is not valid: each part of a number has at most "
                    "%(digits)d digits (for example “12” or “3.12”)."
                )
                % {"number": digits[:30], "digits": limits.MAX_NUMBER_DIGITS},
                line,
                self.text,
            )
        self.items += 1
        if self.items > limits.MAX_ITEMS:
            self.fail(
                _(
                    "the plan has more than %(max)d orientations, axes and actions together: "
                    "import refused. Split it into several plans."
                )
                % {"max": limits.MAX_ITEMS},
                line,
                self.text,
            )
        return digits

    def _title_and_period(self):
        period = None
        for text in [*self.cover, *(s.heading for s in self.sections)]:
            if match := PERIOD_RE.search(text):
                period = int(match.group(1)), int(match.group(2))
                break
        words = [t for t in self.cover if re.search(r"[^\W\d_]", t)]
        title = words[0] if words else _("Strategic plan")
        if _is_shouted(title):
            title = title.capitalize()
        title = PERIOD_RE.sub("", title).strip(" -–:")
        if period:
            title = f"{title} {period[0]}-{period[1]}"
        return title[:255], *(period or (None, None))

    def feed(self, number: int, line: str):
        stripped = line.strip()
        if not stripped:
            self.after_blank = True
            return
        heading = HEADING_RE.match(stripped)
        bullet = BULLET_RE.match(line)
        text = heading.group(2).rstrip("#").strip() if heading else stripped
        is_table = stripped.startswith("|")
        if self.mode == "toc" and (is_table or not self._is_section_heading(text, heading)):
            return
        if not is_table and not bullet and self._structure_line(number, text):
            self.after_blank = False
            return
        content = bullet.group(2).strip() if bullet else text
        in_plan = self.mode == "plan" or self._in_orientations_section()
        if not is_table and in_plan and self._action_line(number, content):
            self.after_blank = False
            return
        if not bullet and not is_table and self._is_section_heading(text, heading):
            self._start_section(number, text)
        elif self.mode == "plan":
            self._plan_text(content)
        elif self.mode == "section":
            self._section_item(number, line, stripped, bullet, is_table)
        else:
            self.cover.append(text)
        self.after_blank = False

    def _in_orientations_section(self):
        return self.mode == "section" and self.section and self.section.kind == "orientations"

    def _is_section_heading(self, text, heading) -> bool:
        if heading and len(heading.group(1)) > 2:
            return False
        if not heading and not _is_shouted(text):
            return False
        return section_kind(text) is not None or self.mode != "cover"

    def _start_section(self, number, text):
        self._check_titles()
        kind = section_kind(text) or "other"
        self.orientation = self.axis = self.action = None
        if kind == "toc":
            self.mode, self.section = "toc", None
            return
        if self.mode == "cover" and kind == "other":
            self.cover.append(text)
            return
        heading = text.capitalize() if _is_shouted(text) else text
        self.section = SectionNode(kind, heading, number)
        self.sections.append(self.section)
        self.mode = "section"

    def _check_unique(self, kind, key, number, label):
        if key in self.seen[kind]:
            self.fail(
                _("the number %(label)s is already used (%(unit)s %(first)s); expected a "
                  "number used once in the plan.")
                % {"label": label, "unit": unit_label(self.unit), "first": self.seen[kind][key]},
                number,
            )  # fmt: skip
        self.seen[kind][key] = number

    def _structure_line(self, number, text) -> bool:
        if match := ORIENTATION_RE.match(text):
            self._check_titles()
            n = int(self._number(match.group(1), number))
            self._check_unique("orientation", n, number, f"« Orientation {n} »")
            self.orientation = OrientationNode(n, (match.group(2) or "").strip(), number)
            self.orientations.append(self.orientation)
            self.axis = self.action = None
            self.mode = "plan"
            return True
        if match := AXIS_RE.match(text):
            if self.orientation is None:
                self.fail(
                    _("the axis %(n)s comes before any orientation; expected first a line "
                      "such as “Orientation 1 : title”.") % {"n": match.group(1)},
                    number,
                )  # fmt: skip
            self._check_titles()
            n = int(self._number(match.group(1), number))
            self._check_unique("axis", n, number, f"« AXE {n} »")
            self.axis = AxisNode(n, (match.group(2) or "").strip(), number)
            self.axis_needs_title = not self.axis.title
            self.orientation.axes.append(self.axis)
            self.action = None
            return True
        return self.mode == "plan" and bool(ACTIONS_LABEL_RE.match(text))

    def _action_line(self, number, content) -> bool:
        match = ACTION_RE.match(content)
        if not match:
            return False
        if self.axis is None or self.axis_needs_title:
            self.fail(
                _("the action %(n)s comes before any axis; expected first a line such as "
                  "“AXE 1” followed by the title of the axis.") % {"n": match.group(1)},
                number,
            )  # fmt: skip
        action_number = self._number(match.group(1), number)
        self._check_unique("action", action_number, number, f"« {action_number} »")
        self.action = ActionNode(action_number, match.group(2).strip(), number)
        self.axis.actions.append(self.action)
        return True

    def _plan_text(self, text):
        if self.axis_needs_title:
            self.axis.title, self.axis_needs_title = text, False
        elif self.action is not None:
            self.action.description.append(text)
        elif self.axis is not None:
            self.axis.summary.append(text)
        elif not self.orientation.title:
            self.orientation.title = text
        else:
            self.orientation.summary.append(text)

    def _section_item(self, number, line, stripped, bullet, is_table):
        if is_table:
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-*:?", c) for c in cells):
                return
            item = ("table", [c for c in cells if c], number)
        elif bullet:
            item = ("bullet", bullet.group(2).strip(), len(bullet.group(1)), number)
        else:
            item = ("text", stripped, line[:1].isspace(), number)
        self.section.items.append((item, self.after_blank))


def parse_plan(source) -> PlanTree:
    return _Parser(source).parse()
