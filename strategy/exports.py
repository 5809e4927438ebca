"""The actions and indicators of a plan as rows, for CSV and XLSX exports. Titles, partners
and names are typed by editors and group leads: every cell goes through `home.spreadsheets`."""

import io

from django.utils.translation import gettext as _

from home.spreadsheets import xlsx_cell
from strategy.models import ActionPage

ACTION_HEADERS = [
    "Orientation", "Axe", "Numéro", "Action", "Thématique", "Structure pilote", "Pilote",
    "Partenaires", "Statut", "Avancement (%)", "Début prévu", "Fin prévue",
]  # fmt: skip
INDICATOR_HEADERS = ["Action", "Indicateur", "Unité", "Référence", "Cible", "Sens"]


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


def overview_csv_rows(overview):
    """One CSV: the actions, a blank line, then the indicators with a column per year."""
    yield ACTION_HEADERS
    yield from action_rows(overview)
    yield []
    years = indicator_years(overview)
    yield INDICATOR_HEADERS + [str(y) for y in years]
    yield from indicator_rows(overview, years)


def overview_xlsx(overview) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    actions = workbook.active
    actions.title = _("Actions")[:31]
    actions.append(ACTION_HEADERS)
    for row in action_rows(overview):
        actions.append([xlsx_cell(c) for c in row])
    indicators = workbook.create_sheet(_("Indicators")[:31])
    years = indicator_years(overview)
    indicators.append(INDICATOR_HEADERS + [str(y) for y in years])
    for row in indicator_rows(overview, years):
        indicators.append([xlsx_cell(c) for c in row])
    for sheet in (actions, indicators):
        sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
