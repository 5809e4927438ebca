"""Server-rendered bar charts of indicators: plain SVG geometry for a template, plus the
sentence that describes the chart to those who cannot see it."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 360, 180
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 8, 24, 16


def format_value(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "–"
    decimals = 0 if value == value.to_integral_value() else 2
    text = number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    if decimals:
        text = text.rstrip("0").rstrip(",")
    return f"{text} {unit}".strip()


def indicator_chart(indicator) -> dict:
    """Bars for the yearly values of an indicator (values must be prefetched), a dashed line
    for the target, and a text alternative."""
    values = sorted(indicator.values.all(), key=lambda v: v.year)
    # Headroom above the highest bar or target, for the value written over each bar.
    top = max([v.value for v in values] + [indicator.target or 0, indicator.baseline or 0, 1])
    top = float(top) * 1.15
    plot_height = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = (WIDTH - MARGIN_LEFT) / max(len(values), 1)

    def y_of(value):
        return MARGIN_TOP + plot_height - float(value) / top * plot_height

    bars = []
    for index, value in enumerate(values):
        y = y_of(max(value.value, 0))
        bars.append(
            {
                "x": round(MARGIN_LEFT + index * slot + slot * 0.2, 1),
                "width": round(slot * 0.6, 1),
                "y": round(y, 1),
                "height": round(MARGIN_TOP + plot_height - y, 1),
                # Written inside a bar tall enough, so that it never crosses the target line.
                "label_inside": MARGIN_TOP + plot_height - y > 20,
                "label_x": round(MARGIN_LEFT + index * slot + slot / 2, 1),
                "year": value.year,
                "value": format_value(value.value, indicator.unit),
                "number": format_value(value.value),  # the unit is in the caption
                "comment": value.comment,
            }
        )
    target_y = round(y_of(indicator.target), 1) if indicator.target is not None else None
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "baseline_y": HEIGHT - MARGIN_BOTTOM,
        "bars": bars,
        "target_y": target_y,
        "target": format_value(indicator.target, indicator.unit),
        "baseline": format_value(indicator.baseline, indicator.unit),
        "description": chart_description(indicator, values),
    }


def chart_description(indicator, values) -> str:
    if values:
        parts = "; ".join(f"{v.year} : {format_value(v.value, indicator.unit)}" for v in values)
        text = _("Values per year: %(values)s.") % {"values": parts}
    else:
        text = _("No value entered yet.")
    if indicator.baseline is not None:
        text += " " + _("Baseline: %(value)s.") % {
            "value": format_value(indicator.baseline, indicator.unit)
        }
    if indicator.target is not None:
        text += " " + _("Target: %(value)s.") % {
            "value": format_value(indicator.target, indicator.unit)
        }
    return text


ROLLUP_WIDTH, ROLLUP_BAR_HEIGHT, ROLLUP_LABEL_WIDTH = 560, 22, 60


def rollup_chart(totals) -> dict:
    """Horizontal bars, one per regional axis (and one for actions aligned on no axis): how
    many actions of the member structures serve it, with their mean progress written."""
    top = max([cell.count for cell in totals] + [1])
    plot_width = ROLLUP_WIDTH - ROLLUP_LABEL_WIDTH - 90
    bars = []
    for index, cell in enumerate(totals):
        label = _("Axis %(number)s") % {"number": cell.axis.number} if cell.axis else _("No axis")
        bars.append(
            {
                "y": index * (ROLLUP_BAR_HEIGHT + 8),
                "width": round(cell.count / top * plot_width, 1),
                "label": label,
                "count": cell.count,
                "progress": cell.progress,
                "band": cell.band,
                "text_x": round(ROLLUP_LABEL_WIDTH + cell.count / top * plot_width + 6, 1),
            }
        )
    parts = "; ".join(
        _("%(label)s: %(count)s action(s)") % {"label": bar["label"], "count": bar["count"]}
        + (f" ({bar['progress']} %)" if bar["progress"] is not None else "")
        for bar in bars
    )
    return {
        "width": ROLLUP_WIDTH,
        "height": max(len(bars), 1) * (ROLLUP_BAR_HEIGHT + 8),
        "label_width": ROLLUP_LABEL_WIDTH,
        "bar_height": ROLLUP_BAR_HEIGHT,
        "bars": bars,
        "description": _("Actions of the member structures by regional axis: %(parts)s.")
        % {"parts": parts},
    }
