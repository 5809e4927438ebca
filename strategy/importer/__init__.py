"""Import a projet associatif written in Word, Markdown or plain text as a tree of pages.

read (bytes → numbered lines, within hard bounds) → parse (lines → a plan tree, or a French
error naming its line) → preview (tree → what would be created, changed and removed; reads
only) → apply (the preview, once confirmed: revisions published in one transaction)."""

from .changes import CREATE, REMOVE, UNCHANGED, UPDATE, ImportPreview, plan_import_preview
from .errors import PlanImportError
from .reader import read_bytes, read_source
from .reading import LevelsUncertain, parse_plan
from .sync import ImportReport, RemovalsNotAllowed, plan_import_apply, removals_description

__all__ = [
    "CREATE",
    "REMOVE",
    "UNCHANGED",
    "UPDATE",
    "ImportPreview",
    "ImportReport",
    "LevelsUncertain",
    "PlanImportError",
    "RemovalsNotAllowed",
    "parse_plan",
    "plan_import_apply",
    "plan_import_preview",
    "read_bytes",
    "read_source",
    "removals_description",
]
