"""The tree a file was understood as, in words: its patterns with the level given to each
and how sure the detection is, then its orientations, axes and actions one level per
indent, then the text kept outside its place. Shown by `--dry-run` and when the levels are
uncertain."""

from django.utils.translation import gettext as _

from .detection import level_label
from .errors import unit_label


def pattern_lines(detection) -> list[str]:
    if detection is None:
        return []
    lines = [_("Patterns found and their level:")]
    for pattern in detection.patterns:
        how = _("your choice") if pattern.mapped else _("confidence %(percent)d %%") % {
            "percent": round(pattern.confidence * 100)}  # fmt: skip
        lines.append(
            "  " + _("“%(name)s” (%(count)d, for example “%(example)s”) → %(level)s (%(how)s)")
            % {"name": pattern.label, "count": pattern.count, "example": pattern.example[:40],
               "level": level_label(pattern.level), "how": how}
        )  # fmt: skip
    return lines


def tree_lines(tree) -> list[str]:
    lines = pattern_lines(tree.detection)
    lines.append(_("Tree understood:"))
    for orientation in tree.orientations:
        lines.append(
            "  "
            + _("Orientation %(n)s: %(title)s")
            % {"n": orientation.number, "title": orientation.title}
        )
        for axis in orientation.axes:
            lines.append(
                "    " + _("Axis %(n)s: %(title)s") % {"n": axis.number, "title": axis.title}
            )
            for action in axis.actions:
                lines.append(
                    "      "
                    + _("Action %(n)s: %(title)s") % {"n": action.number, "title": action.title}
                )
    for section in tree.sections:
        lines.append("  " + _("Section: %(heading)s") % {"heading": section.heading})
    for line, excerpt, heading in tree.unclassified:
        lines.append(
            "  "
            + _("Unrecognised text, kept in “%(section)s”: %(unit)s %(line)d (“%(text)s”)")
            % {"section": heading, "unit": unit_label(tree.unit), "line": line, "text": excerpt}
        )
    return lines
