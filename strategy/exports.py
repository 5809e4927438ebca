"""The actions and indicators of a plan as rows, for CSV and XLSX exports."""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from strategy.charts import format_value
from strategy.models import ActionPage

ACTION_HEADERS = [
    "Orientation", "Axe", "Numéro", "Action", "Thématique", "Structure pilote", "Pilote",
    "Partenaires", "Statut", "Avancement (%)", "Début prévu", "Fin prévue",
]  # fmt: skip
INDICATOR_HEADERS = ["Action", "Indicateur", "Unité", "Référence", "Cible", "Sens"]


def _safe(value):
    """Spreadsheets run cells starting with these characters as formulas: neutralise them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_value(value)
    return _safe(value)


def action_rows(overview):
    statuses = dict(ActionPage.Status.choices)
    for orientation in overview.orientations:
        for axis in orientation.axes:
            for action in axis.actions:
                yield [
                    orientation.page.number,
                    axis.page.number,
                    action.number,
                    action.title,
                    action.thematic.name if action.thematic else "",
                    str(action.pilot_structure or ""),
                    action.pilot_person.get_full_name() if action.pilot_person else "",
                    action.partners,
                    str(statuses[action.status]),
                    action.effective_progress,
                    action.planned_start.isoformat() if action.planned_start else "",
                    action.planned_end.isoformat() if action.planned_end else "",
                ]


def indicator_years(overview) -> list[int]:
    return sorted({v.year for _a, i in overview.indicators for v in i.values.all()})


def indicator_rows(overview, years):
    for action, indicator in overview.indicators:
        yield [
            action.number,
            indicator.name,
            indicator.unit,
            indicator.baseline,
            indicator.target,
            str(indicator.get_direction_display()),
            *((v.value if (v := indicator.value_for(year)) else None) for year in years),
        ]


def overview_csv(overview) -> str:
    """One CSV: the actions, a blank line, then the indicators with a column per year."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(ACTION_HEADERS)
    writer.writerows([_csv_cell(c) for c in row] for row in action_rows(overview))
    writer.writerow([])
    years = indicator_years(overview)
    writer.writerow(INDICATOR_HEADERS + [str(y) for y in years])
    for row in indicator_rows(overview, years):
        writer.writerow([_csv_cell(c) for c in row])
    return "\ufeff" + buffer.getvalue()  # the BOM makes spreadsheets read UTF-8


def overview_xlsx(overview) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    actions = workbook.active
    actions.title = _("Actions")[:31]
    actions.append(ACTION_HEADERS)
    for row in action_rows(overview):
        actions.append([_safe(c) for c in row])
    indicators = workbook.create_sheet(_("Indicators")[:31])
    years = indicator_years(overview)
    indicators.append(INDICATOR_HEADERS + [str(y) for y in years])
    for row in indicator_rows(overview, years):
        indicators.append([_safe(c) for c in row])
    for sheet in (actions, indicators):
        sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
