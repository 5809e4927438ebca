"""Benchmark of the plan importer (see docs/benchmarks.md, "Import du projet associatif").

Generates a plan of N actions (10 actions per axis, 10 axes per orientation, a short text
under each action), then measures on a throw-away test database (SQLite by default,
PostgreSQL with DATABASE_URL):

1. parse: the text read and parsed into a tree (and the same plan as a Word document);
2. first import: preview (nothing exists yet), then apply (every page created and
   published with its revision), with the number of SQL queries of each;
3. the same file again: preview (every page unchanged; nothing to apply);
4. a corrected file (one action title in ten changed): preview, then apply;
5. the whole command, `import_strategy_plan --apply`, on a fresh plan of the same size.

    .venv/bin/python bench/importer.py [--actions 3000]
"""

import argparse
import io
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ACTIONS_PER_AXIS = 10
AXES_PER_ORIENTATION = 10


def plan_lines(actions: int, title: str = "Projet associatif 2025-2028", changed_every=0):
    lines = [title, "", "QUI SOMMES-NOUS ?", "", "- 2001 Création de l'association", "",
             "NOS VALEURS", "", "- La proximité", "- L'entraide", "", "NOS MISSIONS", "",
             "- Accompagner les jeunes", "", "LES ORIENTATIONS 2025-2028", ""]  # fmt: skip
    made = axis = orientation = 0
    while made < actions:
        orientation += 1
        lines += [f"Orientation {orientation} : Agir ensemble sur le territoire {orientation}", ""]
        for _ in range(AXES_PER_ORIENTATION):
            if made >= actions:
                break
            axis += 1
            lines += [f"AXE {axis}", f"Renforcer l'accompagnement des jeunes, axe {axis}", ""]
            for k in range(1, ACTIONS_PER_AXIS + 1):
                if made >= actions:
                    break
                made += 1
                verb = "Mener" if changed_every and made % changed_every == 0 else "Organiser"
                lines.append(f"- {axis}.{k} {verb} l'action {made} avec les Missions Locales")
                lines.append(f"  Objectif : {made} jeunes accompagnés vers la formation.")
            lines.append("")
    return lines


def plan_docx(lines) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@contextmanager
def measured(label: str):
    """Prints the time and the SQL queries of the block."""
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        yield
    elapsed = time.perf_counter() - started
    print(f"| {label} | {elapsed:.2f} s | {queries[0]} |", flush=True)


def bench(actions: int):
    from django.core.management import call_command

    from home.models import HomePage
    from strategy.importer import parse_plan, plan_import_apply, plan_import_preview, read_bytes
    from strategy.models import ActionPage

    home = HomePage.objects.get()
    text = "\n".join(plan_lines(actions)).encode()
    print(f"Plan généré : {actions} actions, {len(text) / 1024:.0f} Ko de texte", flush=True)
    print("| étape | temps | requêtes SQL |")
    print("|---|---|---|")
    with measured("lecture + analyse du texte"):
        tree = parse_plan(read_bytes(text))
    pages = 1 + len(tree.orientations) + len(tree.axes) + len(tree.actions)
    docx_data = plan_docx(plan_lines(actions))
    with measured(f"lecture + analyse du même plan en Word ({len(docx_data) // 1024} Ko)"):
        parse_plan(read_bytes(docx_data))
    with measured(f"aperçu du premier import ({pages} pages à créer)"):
        preview = plan_import_preview(tree=tree, parent=home)
    with measured(f"application du premier import ({pages} pages créées et publiées)"):
        report = plan_import_apply(preview=preview, source_name="bench.txt")
    assert ActionPage.objects.live().count() == actions
    with measured("aperçu du même fichier (tout inchangé)"):
        preview = plan_import_preview(tree=parse_plan(read_bytes(text)), plan=report.plan)
    assert not preview.has_changes

    corrected = "\n".join(plan_lines(actions, changed_every=10)).encode()
    tree = parse_plan(read_bytes(corrected))
    with measured("aperçu d'un fichier corrigé (une action sur dix)"):
        preview = plan_import_preview(tree=tree, plan=report.plan)
    changed = len(preview.of("update"))
    with measured(f"application du fichier corrigé ({changed} pages révisées et publiées)"):
        plan_import_apply(preview=preview, source_name="bench-corrige.txt")

    with tempfile.NamedTemporaryFile(suffix=".txt") as file:
        file.write("\n".join(plan_lines(actions, title="Autre projet 2025-2028")).encode())
        file.flush()
        with measured("commande complète `import_strategy_plan --apply` (nouveau projet)"):
            call_command("import_strategy_plan", file.name, "--apply", stdout=io.StringIO())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=3000)
    options = parser.parse_args()

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="trame-bench-")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Base de données : {connection.vendor}")
        print("Charge de la machine (1, 5, 15 min) : {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        bench(options.actions)
        print("Charge à la fin : {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
