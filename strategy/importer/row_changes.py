"""The fields an import gives an action, with the database's help: a pilot named in a table
of actions becomes the action's pilot structure when a structure has that name or short
name, and stays in the description as written otherwise; the indicators it names are added
to the action unless it already has one of that name. Fields the file does not give are
left out, so that what editors entered since is never emptied by a re-import."""

from django.utils.html import escape

from groups.models import Structure
from strategy.models import Indicator

from .parser import ActionNode
from .patterns import plain
from .tables import field_label


def paragraphs(texts) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _key(name: str) -> str:
    return " ".join(plain(name).replace("-", " ").split())


class ActionRowFields:
    def __init__(self, plan):
        self.plan = plan
        self._structures: dict[str, int] | None = None
        self._indicators: dict[int, set[str]] | None = None

    @property
    def structures(self) -> dict[str, int]:
        """Structure ids by plain name and short name, read once per import."""
        if self._structures is None:
            self._structures = {}
            for pk, name, short in Structure.objects.values_list("pk", "name", "short_name"):
                for words in (name, short):
                    if words:
                        self._structures.setdefault(_key(words), pk)
        return self._structures

    def existing_indicators(self, action_id: int) -> set[str]:
        """The plain names of each action's indicators, read once per import."""
        if self._indicators is None:
            self._indicators = {}
            if self.plan is not None:
                rows = Indicator.objects.filter(
                    action__path__startswith=self.plan.path
                ).values_list("action_id", "name")
                for pk, name in rows:
                    self._indicators.setdefault(pk, set()).add(_key(name))
        return self._indicators.get(action_id, set())

    def fields(self, action: ActionNode) -> dict:
        lines, row = list(action.description), action.row
        values = {}
        if row is not None:
            if row.pilot:
                structure = self.structures.get(_key(row.pilot))
                if structure is None:
                    lines.insert(0, f"{field_label('pilot')} : {row.pilot}")
                else:
                    values["pilot_structure_id"] = structure
            if row.deadline is not None:
                values["planned_end"] = row.deadline
            if row.partners:
                values["partners"] = row.partners
        return {"description": paragraphs(lines), **values}

    def indicators(self, change, action: ActionNode, existing):
        """Note on `change` the indicators the row names that the action lacks."""
        if action.row is None or not action.row.indicators:
            return
        have = self.existing_indicators(existing.pk) if existing is not None else set()
        seen = set(have)
        for name in action.row.indicators:
            if _key(name) not in seen:
                seen.add(_key(name))
                change.new_indicators.append(name)
        if existing is not None and change.new_indicators:
            change.changed.append("indicators")
            if change.outcome == "unchanged":
                change.outcome = "update"
