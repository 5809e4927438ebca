"""Which reading a file gets. A file written with the regional plan's words (« Orientation
1 : … », « AXE 1 », « 1.1 … ») is read by `parser`, exactly as before; any other plan, or any
plan whose levels the person named, is read by level detection (`outline`). When detection
is unsure, the import stops before anything is built with a French explanation and the
patterns found, for the mapping step."""

from django.utils.translation import gettext as _

from .detection import level_label
from .errors import PlanImportError
from .mapping import pattern_name
from .outline import outline_plan
from .parser import AXIS_RE, BULLET_RE, HEADING_RE, ORIENTATION_RE, clean_line
from .parser import parse_plan as parse_regional_plan


class LevelsUncertain(PlanImportError):
    """The levels of the plan could not be told apart with confidence: the tree read so far
    and the detection go with the message, for the mapping step to show them."""

    def __init__(self, message, *, tree, detection, line=None, unit="line"):
        super().__init__(message, line=line, unit=unit)
        self.tree, self.detection = tree, detection


def _regional_vocabulary(source) -> bool:
    found = set()
    for _number, raw in source.lines:
        text = clean_line(raw).strip()
        if heading := HEADING_RE.match(text):
            text = heading.group(2).strip()
        elif bullet := BULLET_RE.match(text):
            text = bullet.group(2).strip()
        if ORIENTATION_RE.match(text):
            found.add("orientation")
        elif AXIS_RE.match(text):
            found.add("axis")
        if len(found) == 2:
            return True
    return False


def uncertain_message(detection) -> str:
    problems = " ".join(detection.problems)
    if not detection.patterns:
        return _(
            "no orientation found: %(problems)s Expected for example “Orientation 1 : title”, "
            "Word headings (Heading 1, 2, 3) or numbered headings (1., 1.1, 1.1.1), or say "
            "which level each pattern is with --levels."
        ) % {"problems": problems}
    found = "; ".join(
        _("“%(name)s” (%(count)d lines, for example “%(example)s”): %(level)s")
        % {"name": p.label, "count": p.count, "example": p.example[:40],
           "level": level_label(p.level)}
        for p in detection.patterns
    )  # fmt: skip
    example = ",".join(f"{pattern_name(p.key)}={level}" for p, level in zip(
        detection.patterns, ("orientation", "axe", "action"), strict=False))  # fmt: skip
    return _(
        "no orientation found with certainty: the levels of this plan could not be told "
        "apart. %(problems)s Patterns found, with the level guessed: %(found)s. Say which "
        "level each pattern is (orientation, axe, action, texte or ignorer): in the admin, "
        "at the levels step of the import; on the command line with --levels "
        '"%(example)s".'
    ) % {"problems": problems, "found": found, "example": example}


def parse_plan(source, levels: dict[str, str] | None = None):
    """The plan tree of `source`. `levels`: {pattern (key, or name as a person writes it):
    level}, from the mapping step."""
    if not levels and _regional_vocabulary(source):
        tree = parse_regional_plan(source)
        if tree.actions:  # its actions numbered « 1.1 »; otherwise read by detection
            return tree
    tree, detection = outline_plan(source, levels)
    if detection.uncertain or not tree.orientations:
        last = source.lines[-1][0] if source.lines else 1
        raise LevelsUncertain(uncertain_message(detection), tree=tree, detection=detection,
                              line=last, unit=source.unit)  # fmt: skip
    return tree
