"""A plan written with its own words for its levels, read in three passes: the lines are
split into the title, the plan's sections (preamble, history, values, missions,
evaluation… recognised by their usual French titles, in any order) and the lines that may
announce a level; `detection` gives each pattern of those lines a level; the tree is then
built, with implicit upper levels when the plan has fewer than three. Text that belongs to
no recognised place is kept in the nearest section and listed for the preview to mark."""

import bisect
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import limits
from .detection import ACTION, AXIS, IGNORE, ORIENTATION, detect_levels
from .errors import PlanImportError, excerpt
from .parser import (
    PERIOD_RE,
    ActionNode,
    AxisNode,
    OrientationNode,
    PlanTree,
    SectionNode,
    clean_line,
    section_kind,
)
from .patterns import LineShape, is_shouted, line_shape, plain
from .row_fields import RowFields
from .sections import build_section_blocks
from .tables import action_columns, action_from_row, is_rule, table_cells

OTHER_SECTION_WORDS = ("annexe", "glossaire", "lexique", "conclusion", "remerciements")
SECTION_LEAD_WORDS = re.compile(r"^(?:(?:nos|notre|les|le|la|l'|des|du)\s*)+")
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…|\t)\s*[0-9]{1,3}$|\s[0-9]{1,3}$")
DEEP_NUMBERING = ("num:1.1", "num:1.1.1", "num:I.1", "num:I.1.1")
SUB_NUMBERING = {"num:1.": "num:1.1", "num:I.": "num:I.1"}
SECTION_HEADING_KEYS = ("maj", "num:1.", "num:I.", "num:A.", "num:1)")


@dataclass
class Entry:
    kind: str  # title, section, candidate, text, row
    line: int
    text: str = ""
    shape: LineShape | None = None
    section: SectionNode | None = None
    fields: RowFields | None = None  # a row of a table of actions: its action's fields
    after_blank: bool = False


def _section_of(shape: LineShape) -> str | None:
    """The kind of section a line opens, when it is a heading with a usual title."""
    if shape.key and shape.key.startswith(("mot:", "num:1.1", "num:I.1", "puce:")):
        return None
    title = shape.title.strip()
    if not title or len(title) > 80 or title[-1] in ".;,":
        return None
    words = SECTION_LEAD_WORDS.sub("", plain(title))
    if any(words.startswith(word) for word in OTHER_SECTION_WORDS):
        return "other"
    kind = section_kind(title)
    if kind is None:
        return None
    heading_like = shape.rank or shape.key in SECTION_HEADING_KEYS or is_shouted(title)
    short_and_leading = len(title) <= 50 and section_kind(words[:25]) == kind
    return kind if heading_like or short_and_leading else None


class _Outline:
    def __init__(self, source):
        self.source, self.unit = source, source.unit
        self.entries: list[Entry] = []
        self.items = 0

    def segment(self):
        self.keys = {line_shape(clean_line(raw)).key for _number, raw in self.source.lines}
        state, section, title_seen, columns = "cover", None, False, None
        after_blank = True
        for number, raw in self.source.lines:
            self.source.deadline.check(number, self.unit)
            line = clean_line(raw)
            if not line.strip():
                after_blank = True
                continue
            shape = line_shape(line)
            cells = table_cells(line)
            kind = _section_of(shape) if cells is None else None
            if state == "toc":  # its lines repeat the headings that follow, with their pages
                if cells or TOC_LINE_RE.search(line):
                    continue
                state, section = "cover", None  # past the table of contents
            entry = Entry("text", number, line, shape, section, after_blank=after_blank)
            after_blank = False
            if not title_seen and not (shape.key or "").startswith("mot:"):
                title_seen = True
                entry.kind = "title"
            elif kind is not None:
                heading = shape.title.capitalize() if is_shouted(shape.title) else shape.title
                section = SectionNode(kind, heading[:200], number)
                section.key, section.rank = shape.key, shape.rank  # what ends it
                entry.kind, entry.section = "section", section
                state = "toc" if kind == "toc" else "plan" if kind == "orientations" else "section"
                columns = None
            elif cells is not None:
                title_seen = True
                if state == "section" or is_rule(cells):
                    entry.kind = "row" if not is_rule(cells) else "skip"
                elif columns is None:
                    columns = action_columns(cells)
                    entry.kind = "row" if columns is None else "skip"
                elif found := action_from_row(columns, cells):
                    entry.kind, entry.fields = "candidate", found[1]
                    entry.shape = LineShape("tableau", _("Row of a table of actions"),
                                            found[0], hint=2)  # fmt: skip
                    state = "plan"
                else:
                    entry.kind = "row" if any(cells) else "skip"  # a row without action: kept
            elif shape.key and (state != "section" or self._ends(section, shape)):
                entry.kind, state, columns = "candidate", "plan", None
                title_seen = True
            entry.section = section
            if entry.kind != "skip":
                self.entries.append(entry)
        return self

    def _ends(self, section: SectionNode, shape: LineShape) -> bool:
        """In a section, only a line that outranks its content opens the plan again: a level
        word, a heading as high as the section's, a sub-numbering (1.1, I.1), or a top
        numbering whose sub-numbering comes later (a numbered list of values has none)."""
        key = shape.key
        if key.startswith("mot:") or key == section.key or key in DEEP_NUMBERING:
            return True
        if key in SUB_NUMBERING and SUB_NUMBERING[key] in self.keys:
            return True
        return bool(shape.rank and section.rank and shape.rank <= section.rank)

    def candidates(self):
        return [(entry.line, entry.shape) for entry in self.entries if entry.kind == "candidate"]

    def build(self, detection) -> PlanTree:
        levels = {pattern.key: pattern.level for pattern in detection.patterns}
        self.orientations: list[OrientationNode] = []
        self.sections: list[SectionNode] = []
        self.loose: list[Entry] = []  # text kept, in no recognised place
        self.node = None
        self.orientation = self.axis = None
        title_text = ""
        for entry in self.entries:
            if entry.kind == "title":
                title_text = entry.shape.title
                continue
            if entry.kind == "section":
                self.sections.append(entry.section)
                self.node = None
                continue
            level = levels.get(entry.shape.key) if entry.kind == "candidate" else None
            if level == IGNORE:
                continue
            if level in (ORIENTATION, AXIS, ACTION):
                self._level(level, entry)
            else:
                self._text(entry)
        return self._tree(title_text, detection)

    def _count(self, entry):
        self.items += 1
        if self.items > limits.MAX_ITEMS:
            raise PlanImportError(
                _("the plan has more than %(max)d orientations, axes and actions together: "
                  "import refused. Split it into several plans.") % {"max": limits.MAX_ITEMS},
                line=entry.line, unit=self.unit,
            )  # fmt: skip

    def _new_orientation(self, title, line):
        self.orientation = OrientationNode(len(self.orientations) + 1, title, line)
        self.orientations.append(self.orientation)
        self.axis = None
        return self.orientation

    def _new_axis(self, title, line):
        if self.orientation is None:
            self._new_orientation(_("Orientation of the plan"), line)
        number = sum(len(o.axes) for o in self.orientations) + 1
        self.axis = AxisNode(number, title, line)
        self.orientation.axes.append(self.axis)
        return self.axis

    def _level(self, level, entry):
        self._count(entry)
        title = entry.shape.title.strip(" :–—-")
        if level == ORIENTATION:
            self.node = self._new_orientation(title, entry.line)
        elif level == AXIS:
            self.node = self._new_axis(title, entry.line)
        else:
            if self.axis is None:  # implicit levels: the axis takes its orientation's title
                if self.orientation is None:
                    self._new_orientation(_("Orientation of the plan"), entry.line)
                self._new_axis(self.orientation.title, entry.line)
            number = f"{self.axis.number}.{len(self.axis.actions) + 1}"
            row = entry.fields
            self.node = ActionNode(number, title, entry.line,
                                   list(row.description) if row else [], row)  # fmt: skip
            self.axis.actions.append(self.node)

    def _text(self, entry):
        text = entry.shape.title if entry.shape.bullet_depth is None else entry.text.strip()
        node = self.node
        if node is not None:
            if not node.title:
                node.title = entry.shape.title  # « AXE 1 » and its title on the next line
            elif isinstance(node, ActionNode):
                node.description.append(text.lstrip("-*•– "))
            else:
                node.summary.append(text.lstrip("-*•– "))
            return
        if (
            entry.section is not None
            and entry.section.kind != "orientations"
            or (entry.section is not None and not self.orientations)
        ):
            self._section_item(entry.section, entry)
        else:
            self.loose.append(entry)

    @staticmethod
    def _section_item(section, entry):
        shape = entry.shape
        if entry.kind == "row":
            item = ("table", [c for c in table_cells(entry.text) if c], entry.line)
        elif shape.bullet_depth is not None:
            item = ("bullet", shape.title, shape.bullet_depth * 2, entry.line)
        else:
            item = ("text", shape.title if shape.rank else entry.text.strip(), False, entry.line)
        section.items.append((item, entry.after_blank))

    def _tree(self, title_text, detection) -> PlanTree:
        unclassified = []
        self.sections = [s for s in self.sections if s.kind != "toc"]
        starts = [s.line for s in self.sections]  # in the order of the file
        for entry in self.loose:  # into the nearest section: the one before, or the first
            index = bisect.bisect_left(starts, entry.line)
            section = self.sections[max(index - 1, 0)] if self.sections else None
            if section is None:
                section = SectionNode("other", _("Text outside the plan's sections"), entry.line)
                self.sections.append(section)
            self._section_item(section, entry)
            unclassified.append((entry.line, excerpt(entry.shape.title), section.heading))
        for section in self.sections:
            section.items.sort(key=lambda item: item[0][-1])
            section.blocks = build_section_blocks(section.kind, section.items)
        title, start, end = _title_and_period(title_text, self.sections)
        return PlanTree(title, start, end, self.sections, self.orientations, unit=self.unit,
                        title_found=bool(re.search(r"[^\W\d_]", title_text)),
                        detection=detection, unclassified=unclassified)  # fmt: skip


def _title_and_period(text, sections):
    period = None
    for candidate in [text, *(s.heading for s in sections)]:
        if match := PERIOD_RE.search(candidate):
            period = int(match.group(1)), int(match.group(2))
            break
    title = text.capitalize() if is_shouted(text) else text
    title = " ".join(PERIOD_RE.sub("", title).split()).strip(" -–:") or _("Strategic plan")
    if period:
        title = f"{title} {period[0]}-{period[1]}"
    return title[:255], *(period or (None, None))


def outline_plan(source, mapping=None):
    """The tree of `source` and the detection it rests on; `mapping`: {pattern key or name
    a person gives: level}, see `mapping.match_mapping`."""
    from .mapping import match_mapping

    outline = _Outline(source).segment()
    candidates = outline.candidates()
    keys = list(dict.fromkeys(shape.key for _line, shape in candidates))
    detection = detect_levels(candidates, match_mapping(mapping, keys) if mapping else None)
    return outline.build(detection), detection
