"""Hostile and broken plan files: each gets a French message naming its line or paragraph
(number and first words), never a traceback, a hang or a memory blow-up, and nothing is
written. The Word documents are built at run time (tests/strategy/hostile_docx.py)."""

import re
import tracemalloc
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from strategy.importer import PlanImportError, limits, parse_plan, read_bytes
from strategy.models import StrategyPlanPage

from .hostile_docx import docx_nested, docx_with_list_level, plan_docx, with_document_xml

pytestmark = pytest.mark.django_db

SMALL_PLAN = (
    "Projet associatif 2025-2028\n\nOrientation 1 : Agir ensemble\n\nAXE 1\nSe rencontrer\n\n"
    "- 1.1 Organiser deux journées par an\n"
)


def run_import(tmp_path, data: bytes, name="plan.txt", *args):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_strategy_plan", str(path), "--apply", *args, stdout=StringIO())


def refused(tmp_path, data: bytes, name="plan.txt") -> str:
    """The command's French message for `data`, checked to have written nothing."""
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, data, name)
    assert not StrategyPlanPage.objects.exists()
    return str(error.value)


@pytest.mark.parametrize("level", ["999999999999", "1" * 5000, "abc", "-1", "9", "1.5", "٣"])
def test_a_malformed_word_list_level_names_its_paragraph(home_page, tmp_path, level):
    message = refused(tmp_path, docx_with_list_level(level), "plan.docx")
    expected = (
        f"Paragraphe 2 (« Orientation 1 : Agir ensemble ») : le niveau de liste (w:ilvl) "
        f"« {level[:20]} » n’est pas valide : attendu un nombre entier de 0 à 8."
    )
    assert message.endswith(expected)


def test_a_huge_list_level_is_refused_before_it_costs_memory(home_page):
    data = docx_with_list_level("2000000000")
    tracemalloc.start()
    try:
        with pytest.raises(PlanImportError):
            read_bytes(data)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20  # the indentation of a level of two billion would take 4 GB


def test_the_highest_word_list_level_is_read(home_page, tmp_path):
    source = read_bytes(docx_with_list_level("8", paragraph=5))
    assert source.lines[4] == (5, "  " * 8 + "- 1.1 Organiser deux journées par an")


def test_a_word_document_nested_too_deeply_is_refused(home_page, tmp_path):
    message = refused(tmp_path, docx_nested(limits.MAX_XML_DEPTH + 10), "plan.docx")
    assert message.endswith(
        "Paragraphe 2 : le document Word imbrique ses éléments trop profondément (plus de 64 "
        "niveaux) : import refusé."
    )
    assert [text for _n, text in read_bytes(docx_nested(20)).lines][1] == (
        "Orientation 1 : Agir ensemble"
    )


def test_a_style_ending_with_another_kind_of_digit_is_read_as_a_list(home_page):
    data = with_document_xml(
        plan_docx(),
        lambda xml: xml.replace(
            "<w:p><w:r><w:t>1.1", '<w:p><w:pPr><w:pStyle w:val="ListBullet²"/></w:pPr><w:r><w:t>1.1'
        ),
    )
    assert read_bytes(data).lines[4] == (5, "- 1.1 Organiser deux journées par an")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Orientation 1 : Agir ensemble", "Orientation 99999999999999999999 : Agir ensemble",
         "Ligne 3 (« Orientation 99999999999999999999 : Agir… ») : le numéro "
         "« 99999999999999999999 »"),
        ("AXE 1", "AXE 1234", "Ligne 5 (« AXE 1234 ») : le numéro « 1234 »"),
        ("- 1.1 Organiser", "- 1.99999 Organiser",
         "Ligne 8 (« - 1.99999 Organiser deux journées par an ») : le numéro « 1.99999 »"),
        ("- 1.1 Organiser", "- 1.1.12345678901234567890 Organiser",
         "Ligne 8 (« - 1.1.12345678901234567890 Organiser… ») : le numéro "
         "« 1.1.12345678901234567890 »"),
    ],
)  # fmt: skip
def test_a_number_too_long_for_a_plan_names_its_line(home_page, tmp_path, old, new, expected):
    message = refused(tmp_path, SMALL_PLAN.replace(old, new).encode())
    assert message.endswith(
        f"{expected} n’est pas valide : chaque partie d’un numéro a au plus 3 chiffres (par "
        "exemple « 12 » ou « 3.12 »)."
    ), message


def test_an_orientation_without_a_title_names_its_line(home_page, tmp_path):
    text = SMALL_PLAN.replace("Orientation 1 : Agir ensemble", "Orientation 1")
    message = refused(tmp_path, text.encode())
    assert message.endswith(
        "Ligne 3 : l’orientation 1 n’a pas de titre ; attendu : « Orientation 1 : titre », ou "
        "son titre sur la ligne suivante."
    )


def test_a_line_too_long_names_its_line(home_page, tmp_path):
    text = SMALL_PLAN + "Un texte " + "très " * 5000 + "long.\n"
    message = refused(tmp_path, text.encode())
    assert re.search(
        r"Ligne 9 \(« Un texte très très très très très très… »\) : trop long : 25\u202f014 "
        r"caractères \(20\u202f000 au plus\)\.",
        message,
    ), message


def test_too_many_lines_are_refused(home_page, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINES", 4)
    assert refused(tmp_path, SMALL_PLAN.encode()).endswith(
        "Le fichier compte plus de 4 lignes : import refusé."
    )
    assert refused(tmp_path, plan_docx(), "plan.docx").endswith(
        "Le document compte plus de 4 paragraphes : import refusé."
    )


def test_too_many_characters_are_refused(home_page, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 50)
    assert refused(tmp_path, SMALL_PLAN.encode()).endswith(
        "Le fichier contient plus de 50 caractères : import refusé."
    )
    assert refused(tmp_path, plan_docx(), "plan.docx").endswith(
        "Le fichier contient plus de 50 caractères : import refusé."
    )


def test_too_many_orientations_axes_and_actions_are_refused(home_page, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ITEMS", 2)
    message = refused(tmp_path, SMALL_PLAN.encode())
    assert message.endswith(
        "Ligne 8 (« - 1.1 Organiser deux journées par an ») : le projet compte plus de 2 "
        "orientations, axes et actions en tout : import refusé. Découpez-le en plusieurs projets."
    )


def test_a_file_read_past_its_time_is_stopped(home_page, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SECONDS", 0)
    message = refused(tmp_path, SMALL_PLAN.encode())
    assert message.endswith(
        "Ligne 1 : la lecture du fichier prend trop de temps (plus de 0 s) : import "
        "interrompu. Découpez le fichier ou simplifiez sa mise en page."
    )
    assert "Paragraphe 1 : la lecture du fichier prend trop de temps" in refused(
        tmp_path, plan_docx(), "plan.docx"
    )


def test_the_bounds_leave_room_for_a_plan_of_three_thousand_actions(home_page):
    lines = ["Projet associatif 2025-2028", "Orientation 1 : Agir"]
    for axis in range(1, 301):
        lines += [f"AXE {axis}", f"Se rencontrer, {axis}e axe"]
        lines += [f"- {axis}.{k} Action {k} de l'axe {axis}" for k in range(1, 11)]
    tree = parse_plan(read_bytes("\n".join(lines).encode()))
    assert len(tree.actions) == 3000
