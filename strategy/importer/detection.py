"""Which pattern of a document is an orientation, an axis or an action, worked out from the
document's own structure: how its patterns nest, their numbering, their heading levels and
the French words that usually name each level. Each pattern gets a level and a confidence;
a plan of three, two or one level(s) is valid (the missing upper levels are implicit).
When the detection is unsure it says why, in words a director can act on, and the mapping
step (`mapping.py`) lets them name the levels themselves."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

ORIENTATION, AXIS, ACTION, TEXT, IGNORE = "orientation", "axis", "action", "text", "ignore"
LEVELS = (ORIENTATION, AXIS, ACTION)
CONFIDENT = 0.5  # below it, the import asks for the mapping step

# How sure a pattern's kind makes the detection, before conflicts lower it.
KIND_CONFIDENCE = {"mot": 0.9, "tableau": 0.9, "num": 0.8, "titre": 0.8, "puce": 0.6, "maj": 0.4}


def level_label(level: str | None) -> str:
    return {
        ORIENTATION: _("orientation"),
        AXIS: _("axis"),
        ACTION: _("action"),
        TEXT: _("text"),
        IGNORE: _("ignore"),
        None: _("text"),
    }[level]


@dataclass
class Pattern:
    """A pattern of the document, the lines it announces and the level given to it."""

    key: str
    label: str
    example: str
    line: int
    hint: int | None = None
    flexible: bool = False
    count: int = 0
    depth: int = 0
    level: str | None = None  # one of LEVELS, TEXT or IGNORE
    confidence: float = 0.0
    mapped: bool = False  # chosen by the person importing, not detected


@dataclass
class Detection:
    patterns: list[Pattern] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def by_key(self) -> dict[str, Pattern]:
        return {pattern.key: pattern for pattern in self.patterns}

    @property
    def confidence(self) -> float:
        levels = [p.confidence for p in self.patterns if p.level in LEVELS]
        if self.problems or not levels:
            return min([0.3, *levels])
        return min(levels)

    @property
    def uncertain(self) -> bool:
        return self.confidence < CONFIDENT

    def levels_used(self) -> list[str]:
        return [level for level in LEVELS if any(p.level == level for p in self.patterns)]


def detect_levels(candidates, mapping: dict[str, str] | None = None) -> Detection:
    """`candidates`: (line number, LineShape) of the lines that may announce a level, in
    the document's order. `mapping`: pattern key → level chosen by the person, which
    overrides the detection for that pattern."""
    detection = Detection()
    patterns: dict[str, Pattern] = {}
    stack: list[str] = []
    for number, shape in candidates:
        while shape.key == "tableau" and stack and stack[-1].startswith("puce:"):
            stack.pop()  # a table is never inside a bullet: it sits beside the list
        pattern = patterns.get(shape.key)
        if pattern is None:
            pattern = Pattern(shape.key, shape.label, shape.title[:80], number, shape.hint,
                              shape.flexible, depth=len(stack))  # fmt: skip
            patterns[shape.key] = pattern
            detection.patterns.append(pattern)
        pattern.count += 1
        # Nesting as read: a pattern seen again closes what was opened below it.
        if shape.key in stack:
            del stack[stack.index(shape.key) + 1 :]
        else:
            stack.append(shape.key)
    _assign(detection)
    for key, level in (mapping or {}).items():
        if key in patterns:
            patterns[key].level, patterns[key].confidence, patterns[key].mapped = level, 1.0, True
    if mapping:  # the person saw the tree and chose: their choice stands
        detection.problems = []
        for pattern in detection.patterns:
            pattern.confidence = max(pattern.confidence, CONFIDENT)
    _check(detection)
    return detection


def _groups(patterns: list[Pattern]) -> list[list[Pattern]]:
    by_depth: dict[int, list[Pattern]] = {}
    for pattern in patterns:
        by_depth.setdefault(pattern.depth, []).append(pattern)
    return [by_depth[depth] for depth in sorted(by_depth)]


def _assign(detection: Detection):
    groups = _groups(detection.patterns)
    hints = [min((p.hint for p in group if p.hint is not None), default=None) for group in groups]
    for index in range(len(groups) - 1):
        # « Axe » above « Objectif »: the axes are the orientations of this plan.
        flexible = any(p.flexible for p in groups[index])
        if flexible and hints[index] is not None and hints[index] == hints[index + 1]:
            hints[index] -= 1
    previous = 2 - min(len(groups), 3)  # two groups: axis and action; one: action
    for group, hint in zip(groups, hints, strict=True):
        level = previous + 1
        conflict = False
        if hint is not None:
            conflict = hint <= previous
            level = max(hint, previous + 1)
        for pattern in group:
            pattern.level = LEVELS[level] if level < len(LEVELS) else TEXT
            pattern.confidence = KIND_CONFIDENCE[pattern.key.split(":")[0]]
            if conflict and pattern.level in LEVELS:
                pattern.confidence = 0.3
                detection.problems.append(
                    _("“%(pattern)s” names a level that is already above it in the document.")
                    % {"pattern": pattern.label}
                )
        previous = level


def _check(detection: Detection):
    levels = detection.levels_used()
    if not detection.patterns:
        detection.problems.append(
            _("no numbered heading, Word heading style or level word (orientation, axe, "
              "objectif, action…) was found.")
        )  # fmt: skip
    elif ACTION not in levels:
        detection.problems.append(_("no pattern announces the actions."))
