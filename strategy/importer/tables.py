"""Tables of actions, a common layout of Word plans: one row per action, with columns for
the pilot, the deadline and the indicator. A table becomes actions only when its first row
names an action column; the other recognised columns become the action's fields, shown in
its description, and unrecognised columns are kept there too under their own heading."""

import re

from django.utils.translation import gettext as _

from .patterns import plain
from .row_fields import RowFields, indicator_names, parse_deadline

COLUMN_WORDS = [
    ("number", ("n°", "no", "num", "numero", "ref")),
    ("action", ("action", "intitule", "fiche action", "mesure", "libelle")),
    (
        "pilot",
        ("pilote", "pilotes", "responsable", "responsables", "porteur", "porteurs", "referent"),
    ),
    ("deadline", ("echeance", "echeances", "calendrier", "delai", "date", "dates", "periode")),
    (
        "indicator",
        (
            "indicateur",
            "indicateurs",
            "indicateur de suivi",
            "indicateurs de suivi",
            "resultats attendus",
            "critere de reussite",
            "criteres de reussite",
            "critere",
            "criteres",
        ),
    ),
    ("partners", ("partenaires", "partenaire")),
]


def field_label(name: str) -> str:
    return {
        "pilot": _("Pilot"),
        "deadline": _("Deadline"),
        "indicator": _("Indicator"),
        "partners": _("Partners"),
    }.get(name, name)


def table_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not stripped.startswith("|"):
        return None
    return [cell.strip() for cell in stripped.strip("|").split("|")]


def is_rule(cells: list[str]) -> bool:
    """A Markdown table's |---|---| line."""
    return all(re.fullmatch(r":?-*:?", cell) for cell in cells)


def action_columns(cells: list[str]) -> dict[int, str] | None:
    """Column index → field name when the row is the header of a table of actions."""
    columns = {}
    for index, cell in enumerate(cells):
        words = plain(cell).strip(" :.")
        for name, names in COLUMN_WORDS:
            if words in names or any(words.startswith(n + " ") for n in names if len(n) > 3):
                columns.setdefault(index, name)
                break
        else:
            if words:
                columns[index] = cell.strip()  # kept under its own heading
    if "action" not in columns.values():
        return None
    return columns


def action_from_row(columns: dict[int, str], cells: list[str]):
    """(title, RowFields) of one row, or None for an empty row."""
    title, row = "", RowFields()
    for index, cell in enumerate(cells):
        name = columns.get(index)
        if not cell or name in (None, "number"):
            continue
        if name == "action":
            title = cell
        elif name == "pilot" and not row.pilot:
            row.pilot = cell  # matched to a structure by the planner, or kept as text
        elif name == "deadline" and row.deadline is None and (day := parse_deadline(cell)):
            row.deadline = day
        elif name == "indicator" and (names := indicator_names(cell)):
            row.indicators.extend(names)
        elif name == "partners" and not row.partners:
            row.partners = cell
        else:
            row.description.append(f"{field_label(name)} : {cell}")
    if not title:
        return None
    return title, row
