"""The importer on the network's real plan (../shared/seeds/) and on broken files."""

import io
import re
import zipfile
from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

import pytest

from strategy.models import ActionPage, AxisPage, IndicatorValue, OrientationPage, StrategyPlanPage
from tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def expected_tree(seed_text):
    """The tree read from the seed by the test itself, with its own simple rules."""
    part = seed_text.split("LES ORIENTATIONS 2024-2027\n", 2)[-1].split("LES CONDITIONS")[0]
    lines = [line.strip() for line in part.splitlines() if line.strip()]
    tree = []
    for index, line in enumerate(lines):
        if match := re.match(r"Orientation (\d+) : (.+)", line):
            tree.append(("orientation", match.group(1), match.group(2)))
        elif match := re.fullmatch(r"AXE (\d+)", line):
            tree.append(("axis", match.group(1), lines[index + 1]))
        elif match := re.match(r"- (\d+\.\d+) (.+)", line):
            tree.append(("action", match.group(1), match.group(2)))
    return tree


def imported_tree(plan):
    rows = []
    for page in plan.get_descendants().order_by("path").specific():
        kind = {OrientationPage: "orientation", AxisPage: "axis", ActionPage: "action"}[type(page)]
        rows.append((kind, str(page.number), page.title))
    return rows


def seed_list(seed_text, start, end):
    part = seed_text.split(start + "\n", 2)[-1].split(end + "\n")[0]
    return [line[2:].strip() for line in part.splitlines() if line.startswith("- ")]


def run_import(path, *args):
    out = StringIO()
    call_command("import_strategy_plan", str(path), *args, stdout=out)
    return out.getvalue()


def apply_import(path, *args):
    return run_import(path, "--apply", *args)


def state():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
    }


def test_seed_builds_the_exact_tree(home_page, seed_path, seed_text):
    apply_import(seed_path)
    plan = StrategyPlanPage.objects.get()
    assert plan.title == "Projet associatif 2024-2027"
    assert (plan.period_start, plan.period_end) == (2024, 2027)
    assert plan.live
    assert OrientationPage.objects.count() == 4
    assert AxisPage.objects.count() == 10
    assert ActionPage.objects.count() == 24
    expected = expected_tree(seed_text)
    assert len(expected) == 38
    assert imported_tree(plan) == expected
    assert ActionPage.objects.get(number="5.2").title.startswith(
        "Favoriser la représentation des Missions Locales BFC aux travaux animés par l'UNML"
    )


def test_seed_values_missions_and_sections_are_exact(home_page, seed_path, seed_text):
    apply_import(seed_path)
    plan = StrategyPlanPage.objects.get()
    assert plan.section_items("values") == seed_list(seed_text, "NOS VALEURS", "NOS MISSIONS")
    assert len(plan.section_items("values")) == 20
    missions = seed_list(seed_text, "NOS MISSIONS", "LES ORIENTATIONS 2024-2027")
    assert plan.section_items("missions") == missions
    assert len(missions) == 7
    kinds = [block.block_type for block in plan.sections]
    assert kinds == [
        "preamble",
        "history",
        "review",
        "values",
        "missions",
        "orientations",
        "conditions",
    ]
    history = next(block.value for block in plan.sections if block.block_type == "history")
    timelines = [b.value for b in history["content"] if b.block_type == "timeline"]
    assert timelines[0]["events"][0]["date"] == "1997"
    assert not plan.publication_problems()


def test_plan_page_renders_after_import(home_page, seed_path, professional_client):
    apply_import(seed_path)
    plan = StrategyPlanPage.objects.get()
    response = professional_client.get(plan.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "10.3 Renforcer la fonction d&#x27;observatoire régional" in content
    assert "Nos valeurs" in content


def test_second_import_changes_nothing(home_page, seed_path):
    apply_import(seed_path)
    before = state()
    output = apply_import(seed_path)
    assert state() == before
    assert "Pages : 0 à créer, 0 à modifier, 39 inchangée(s), 0 à retirer." in output
    assert "Rien à changer : le projet est déjà à jour." in output


def test_reimport_never_overwrites_what_editors_entered(home_page, seed_path):
    apply_import(seed_path)
    action = ActionPage.objects.get(number="2.2")
    action.status, action.progress = ActionPage.Status.IN_PROGRESS, 40
    action.save_revision().publish()
    indicator = IndicatorFactory(action=action, name="Téléchargements")
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=120, comment="Lancement")

    apply_import(seed_path)

    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionPage.Status.IN_PROGRESS, 40)
    assert list(action.indicators.values_list("name", flat=True)) == ["Téléchargements"]
    assert IndicatorValue.objects.get().value == 120


def test_reimport_of_a_corrected_file_updates_the_title(home_page, seed_path, seed_text, tmp_path):
    apply_import(seed_path)
    corrected = tmp_path / "plan.txt"
    corrected.write_text(
        seed_text.replace("- 7.2 Engager la réflexion", "- 7.2 Mener la réflexion")
    )
    output = apply_import(corrected)
    assert ActionPage.objects.get(number="7.2").title.startswith("Mener la réflexion")
    assert ActionPage.objects.count() == 24
    assert "1 mise(s) à jour" in output


def test_dry_run_writes_nothing_and_prints_the_tree(home_page, seed_path):
    before = state()
    output = run_import(seed_path, "--dry-run")
    assert state() == before
    assert "Orientation 4 : Conforter la place du réseau" in output
    assert "Action 10.3 : Renforcer la fonction d'observatoire" in output
    assert "4 orientations, 10 axes, 24 actions" in output
    assert "Aperçu seulement : rien n’a été enregistré" in output


def zip_bomb(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 2**20))
    path.write_bytes(buffer.getvalue())


MALFORMED = {
    "action-before-axis": (
        lambda seed: seed.replace("AXE 1\n\nRenforcer la participation des membres au sein "
                                  "des instances associatives et politiques de l'ARML BFC\n", ""),
        r"Ligne \d+ : l’action 1\.1 apparaît avant tout axe",
    ),
    "duplicated-number": (
        lambda seed: seed.replace("- 2.2 Renforcer la visibilité", "- 2.1 Renforcer la visibilité"),
        r"Ligne 412 : le numéro « 2\.1 » est déjà utilisé \(ligne 411\)",
    ),
    "empty": (lambda seed: "\n \n\n", r"Ligne 1 : le fichier est vide"),
    "no-orientation": (
        lambda seed: "Un texte sans orientation.\n",
        r"Ligne 1 : aucune orientation trouvée",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_text_fails_in_french_and_creates_nothing(home_page, seed_text, tmp_path, case):
    transform, message = MALFORMED[case]
    path = tmp_path / "plan.txt"
    path.write_text(transform(seed_text))
    before = state()
    with pytest.raises(CommandError, match=message):
        apply_import(path)
    assert state() == before


def test_binary_file_fails_cleanly(home_page, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(CommandError, match="n’est pas un texte lisible"):
        apply_import(path)
    assert not StrategyPlanPage.objects.exists()


def test_docx_zip_bomb_is_refused(home_page, tmp_path):
    path = tmp_path / "plan.docx"
    zip_bomb(path)
    assert path.stat().st_size < 2**20
    with pytest.raises(CommandError, match="anormalement volumineux"):
        apply_import(path)
    assert not StrategyPlanPage.objects.exists()


def test_a_failure_after_pages_were_written_rolls_everything_back(
    home_page, seed_path, monkeypatch
):
    from strategy.importer import sync

    def fail_on_orientation_3(applier, change):
        if change.kind == "orientation" and change.fields["number"] == 3:
            raise RuntimeError("panne au milieu de l'import")
        return original(applier, change)

    original = sync._Applier._create
    monkeypatch.setattr(sync._Applier, "_create", fail_on_orientation_3)
    before = state()
    with pytest.raises(RuntimeError):
        apply_import(seed_path)
    assert state() == before


def seed_as_docx(seed_text, path):
    import docx

    document = docx.Document()
    for line in seed_text.splitlines():
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith(" - "):
            document.add_paragraph(line[3:], style="List Bullet 2")
        else:
            document.add_paragraph(line)
    document.save(path)


def test_seed_converted_to_docx_imports_to_the_same_tree(home_page, seed_path, seed_text, tmp_path):
    apply_import(seed_path)
    text_plan = StrategyPlanPage.objects.get()
    text_tree, text_values = imported_tree(text_plan), text_plan.section_items("values")
    text_plan.delete()

    path = tmp_path / "projet.docx"
    seed_as_docx(seed_text, path)
    apply_import(path)
    docx_plan = StrategyPlanPage.objects.get()
    assert imported_tree(docx_plan) == text_tree
    assert docx_plan.section_items("values") == text_values
    assert docx_plan.section_items("missions") == text_plan.section_items("missions")


def test_docx_errors_give_the_paragraph(home_page, seed_text, tmp_path):
    path = tmp_path / "projet.docx"
    seed_as_docx(seed_text.replace("- 3.1 Préserver", "- 2.2 Préserver"), path)
    with pytest.raises(CommandError, match=r"Paragraphe \d+ : le numéro « 2\.2 » est déjà utilisé"):
        apply_import(path)
    assert not StrategyPlanPage.objects.exists()


def test_markdown_plan_imports(home_page, tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(
        "# Projet associatif 2025-2028\n\n## Nos valeurs\n\n- La proximité\n- L'entraide\n\n"
        "## Notre histoire\n\n- 2001 Création\n\n## Nos missions\n\n- Accompagner\n\n"
        "## Orientation 1 : Agir ensemble\n\n### Axe 1 : Se rencontrer\n\n"
        "- 1.1 Organiser deux journées par an\n- 1.2 Ouvrir un forum\n"
    )
    apply_import(path)
    plan = StrategyPlanPage.objects.get()
    assert (plan.title, plan.period_start, plan.live) == ("Projet associatif 2025-2028", 2025, True)
    assert plan.section_items("values") == ["La proximité", "L'entraide"]
    assert imported_tree(plan) == [
        ("orientation", "1", "Agir ensemble"),
        ("axis", "1", "Se rencontrer"),
        ("action", "1.1", "Organiser deux journées par an"),
        ("action", "1.2", "Ouvrir un forum"),
    ]


def test_utf16_text_saved_by_word_imports(home_page, seed_path, seed_text, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(seed_text.encode("utf-16"))
    run_import(path, "--dry-run")
    output = apply_import(path)
    assert "24 actions" in output
    assert ActionPage.objects.count() == 24


def test_reimport_after_an_editor_renumbered_an_orientation(home_page, seed_path):
    apply_import(seed_path)
    orientation = OrientationPage.objects.get(number=4)
    orientation.number = 5
    orientation.save_revision().publish()

    # The file has no orientation 5 any more: importing it removes that one, once allowed.
    before = state()
    with pytest.raises(CommandError, match="retirerait ou viderait"):
        apply_import(seed_path)
    assert state() == before
    output = apply_import(seed_path, "--allow-removals")
    assert re.search(r"\n  Orientation 4 : Conforter la place du réseau[^\n]*\[à créer\]", output)
    assert re.search(r"\n  Orientation 5 : Conforter la place du réseau[^\n]*\[à retirer", output)
    recreated = OrientationPage.objects.get(number=4)
    assert recreated.slug == "orientation-4-2"
    assert recreated.get_children().count() == 1
    assert OrientationPage.objects.count() == 5
    assert not OrientationPage.objects.get(number=5).live
    before = state()
    apply_import(seed_path)
    assert state() == before
