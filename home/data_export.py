"""« Mes données »: everything Trame holds about a person, gathered from every app (in home,
the app every other one depends on; the legal app serves the page and the downloads).

Each app contributes through an optional `<app>/personal_data.py` exposing
`personal_data(user) -> list[Section]` (the way `seed_demo` finds `<app>/demo.py`), so that a
later app (comments, votes, notifications) adds its part without touching this module. A
contributor returns only rows about `user`, and never another person's private data (another
person is named at most by the title of a group or page the user may view).
"""

import importlib
import importlib.util
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from home.spreadsheets import csv_lines


@dataclass
class Section:
    key: str  # file name of its CSV, key in the JSON
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "note": self.note,
            "rows": [dict(zip(self.columns, row, strict=True)) for row in self.rows],
        }


def contributors():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.personal_data"
        if app_config.path.startswith(str(settings.BASE_DIR)) and importlib.util.find_spec(
            module_name
        ):
            yield importlib.import_module(module_name).personal_data


def collect(user) -> list[Section]:
    sections: list[Section] = []
    for contribute in contributors():
        sections.extend(contribute(user))
    return sections


def as_json(sections: list[Section]) -> bytes:
    data = {section.key: section.as_dict() for section in sections}
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def as_csv_zip(sections: list[Section]) -> bytes:
    """One CSV per section (French Excel's format, formulas neutralised), in a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            rows = [section.columns, *section.rows]
            archive.writestr(f"{section.key}.csv", b"".join(csv_lines(rows)))
    return buffer.getvalue()
