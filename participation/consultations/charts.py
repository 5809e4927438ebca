"""Horizontal bar charts of a question's totals, drawn as SVG on the server (no JavaScript):
a title and a description for assistive technologies, and the same figures in a table beside
the chart in the template."""

from django.utils.translation import gettext as _

WIDTH, BAR_HEIGHT, GAP, LABEL_WIDTH = 560, 22, 10, 220


def question_chart(total) -> dict | None:
    """Geometry for the template: one bar per option of a choice question, its length the
    option's count (a ranking is read from its table of average ranks)."""
    if not total.options or total.question.kind not in ("single", "multiple"):
        return None
    peak = max(option.count for option in total.options) or 1
    plot = WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, option in enumerate(total.options):
        y = index * (BAR_HEIGHT + GAP)
        bars.append(
            {
                "y": y,
                "text_y": y + BAR_HEIGHT / 2 + 5,
                "width": round(plot * option.count / peak, 1) if option.count else 0,
                "value_x": LABEL_WIDTH + round(plot * option.count / peak, 1) + 6,
                "label": option.option if len(option.option) <= 32 else option.option[:31] + "…",
                "count": option.count,
            }
        )
    description = "; ".join(
        _("%(option)s: %(count)s") % {"option": option.option, "count": option.count}
        for option in total.options
    )
    return {
        "width": WIDTH,
        "height": len(bars) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
        "description": description,
    }
