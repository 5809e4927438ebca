"""A bar chart drawn as SVG on the server: readable without JavaScript, with a text
alternative (the figures are in the tables beside it)."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

WIDTH, HEIGHT, MARGIN = 720, 220, 30


def daily_bar_chart(series) -> str:
    """Views (dark) and downloads (light) per day, as an accessible SVG element."""
    if not series:
        return ""
    peak = max(max(views, downloads) for _day, views, downloads in series) or 1
    slot = (WIDTH - 2 * MARGIN) / len(series)
    bar = max(slot / 2 - 1, 1)
    scale = (HEIGHT - 2 * MARGIN) / peak
    bars = []
    for index, (day, views, downloads) in enumerate(series):
        x = MARGIN + index * slot
        for offset, value, fill, label in (
            (0, views, "#1f4e79", _("views")),
            (bar, downloads, "#6b9bd1", _("downloads")),
        ):
            height = value * scale
            bars.append(
                (
                    f"{x + offset:.1f}",
                    f"{HEIGHT - MARGIN - height:.1f}",
                    f"{bar:.1f}",
                    f"{height:.1f}",
                    fill,
                    f"{day:%d/%m/%Y} : {value} {label}",
                )
            )
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        bars,
    )
    title = _("Views and downloads per day, from %(start)s to %(end)s (peak: %(peak)s)") % {
        "start": f"{series[0][0]:%d/%m/%Y}",
        "end": f"{series[-1][0]:%d/%m/%Y}",
        "peak": peak,
    }
    return format_html(
        '<svg class="chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">'
        '<title id="chart-title">{title}</title>'
        '<line x1="{m}" y1="{base}" x2="{right}" y2="{base}" stroke="#444"/>'
        '<text x="{m}" y="{top}" font-size="12">{peak}</text>'
        '<g fill="#1f4e79">{rects}</g></svg>',
        w=WIDTH,
        h=HEIGHT,
        m=MARGIN,
        base=HEIGHT - MARGIN,
        right=WIDTH - MARGIN,
        top=MARGIN - 8,
        peak=peak,
        title=title,
        rects=rects,
    )
