"""The mapping step: the person importing says which level each pattern of their document
is, as `--levels "Axe stratégique=orientation,Objectif=axe,Action=action"` on the command
line or with one choice per pattern in the admin. Patterns are named as a person reads
them: a level word (« Objectif » names every « Objectif … »), a numbering (`1.1`, `I.`,
`a)`), « Titre 2 » (or `##`, « Heading 2 »), « Puce »."""

import re

from django.utils.translation import gettext as _

from .detection import ACTION, AXIS, IGNORE, ORIENTATION, TEXT
from .errors import PlanImportError
from .patterns import plain

LEVEL_NAMES = {
    "orientation": ORIENTATION,
    "orientations": ORIENTATION,
    "axe": AXIS,
    "axes": AXIS,
    "axis": AXIS,
    "action": ACTION,
    "actions": ACTION,
    "texte": TEXT,
    "text": TEXT,
    "ignorer": IGNORE,
    "ignore": IGNORE,
}
MAX_MAPPING_CHARACTERS = 2000


def parse_levels_option(value: str) -> dict[str, str]:
    """`"Axe stratégique=orientation,Objectif=axe"` → {name: level}, or a French error."""
    if len(value) > MAX_MAPPING_CHARACTERS:
        raise PlanImportError(_("The list of levels is too long."))
    choices = {}
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", value))):
        name, sep, level = part.rpartition("=")
        level_key = plain(level.strip())
        if not sep or not name.strip() or level_key not in LEVEL_NAMES:
            raise PlanImportError(
                _("“%(part)s” is not understood: expected “pattern=level”, the level being "
                  "orientation, axe, action, texte or ignorer (for example “Objectif=axe”).")
                % {"part": part[:80]}
            )  # fmt: skip
        choices[name.strip()] = LEVEL_NAMES[level_key]
    if not choices:
        raise PlanImportError(_("The list of levels is empty."))
    return choices


def _names(key: str) -> set[str]:
    """The names a person may give to the pattern `key`."""
    kind, _sep, value = key.partition(":")
    if kind == "mot":
        return {value}
    if kind == "num":
        return {value, value.rstrip(".)")}
    if kind == "titre":
        return {f"titre {value}", f"heading {value}", "#" * int(value)}
    if kind == "puce":
        depth = int(value)
        return {f"puce {depth + 1}", f"bullet {depth + 1}"} | (
            {"puce", "bullet", "-"} if depth == 0 else set())  # fmt: skip
    if kind == "maj":
        return {"majuscules", "capitals"}
    return {kind}


def match_mapping(choices: dict[str, str], keys) -> dict[str, str]:
    """{name: level} given by a person → {pattern key: level} for the patterns found.
    A level word names every pattern that starts with it: « Objectif » names « Objectif
    opérationnel ». A name that matches no pattern is an error, since a typo would
    otherwise be silently ignored."""
    mapping, unknown = {}, []
    for name, level in choices.items():
        wanted = " ".join(plain(name).split())
        found = [key for key in keys if name == key or wanted in _names(key)]  # key: the admin
        found = found or [key for key in keys if key.startswith("mot:" + wanted)]
        if not found:
            unknown.append(name)
        for key in found:
            mapping[key] = LEVEL_NAMES.get(plain(level), level)
    if unknown:
        raise PlanImportError(
            _("These patterns are not in the document: %(names)s. Patterns found: %(found)s.")
            % {"names": ", ".join(f"« {n} »" for n in unknown),
               "found": ", ".join(f"« {pattern_name(k)} »" for k in keys) or "—"}
        )  # fmt: skip
    return mapping


def pattern_name(key: str) -> str:
    """The name that `match_mapping` understands for `key`, as the command line shows it."""
    kind, _sep, value = key.partition(":")
    if kind == "mot":
        return value[:1].upper() + value[1:]
    if kind == "titre":
        return f"Titre {value}"
    if kind == "puce":
        return "Puce" if value == "0" else f"Puce {int(value) + 1}"
    if kind == "maj":
        return "Majuscules"
    return value
