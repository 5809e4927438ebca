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


def rollup_csv_rows(rollup):
    """The roll-up as one CSV: a row per structure (axes in columns), a blank line, the
    network indicators with their method, a blank line, each structure's indicators."""
    statuses = ActionPage.Status.choices
    yield [
        "Structure", "Départements", "Projet associatif", "Statut du projet", "Période",
        "Sections obligatoires remplies", "Sections manquantes", "Actions",
        *(f"Axe {axis.number} – {axis.title}" for axis in rollup.axes),
        "Sans axe régional", *(f"Actions : {label}" for _value, label in statuses),
        "Avancement moyen (%)", "Dernière mise à jour",
    ]  # fmt: skip
    for row in rollup.rows:
        plan = row.plan
        counts = {value: row.rollup.statuses[value] for value, _label in statuses}
        yield [
            row.structure.name,
            row.structure.departments,
            plan.title if plan else "",
            str(plan.get_status_display()) if plan else "",
            plan.period_label if plan else "",
            f"{row.sections_filled}/{row.sections_required}" if plan else "",
            ", ".join(str(s) for s in row.missing_sections),
            row.rollup.count,
            *(cell.count for cell in row.cells),
            row.unaligned.count if row.unaligned else 0,
            *(counts[value] for value, _label in statuses),
            row.rollup.progress,
            row.last_update.date().isoformat() if row.last_update else "",
        ]
    yield []
    yield ["Indicateur du réseau", "Unité", "Année", "Valeur du réseau", "Méthode", "Structures"]
    for item in rollup.network_indicators:
        method = "Moyenne" if item.method == "mean" else "Somme"
        yield [item.name, item.unit, item.year, item.value, method, item.structures]
    yield []
    yield ["Structure", "Action", "Indicateur", "Unité", "Dernière valeur", "Année", "Cible"]
    for row in rollup.rows:
        for line in row.indicators:
            yield [
                row.structure.name,
                line.action.label,
                line.name,
                line.unit,
                line.latest_value,
                line.latest_year,
                line.target,
            ]
