"""Import a projet associatif written in Word, Markdown or plain text as a tree of pages.

read (bytes → numbered lines) → parse (lines → a plan tree, or a French error with its line)
→ sync (tree → pages, in one transaction; a dry run only reports)."""

from .errors import PlanImportError
from .parser import parse_plan
from .reader import read_source
from .sync import plan_import

__all__ = ["PlanImportError", "parse_plan", "plan_import", "read_source"]
