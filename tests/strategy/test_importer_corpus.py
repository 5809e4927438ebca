"""Every plan of the corpus (tests/strategy/corpus/) imported by the command: its
orientations, axes, actions and sections as expected, and a second import changing nothing.
A plan whose levels cannot be told apart stops with a French explanation and the patterns
found, and imports exactly once they are named with --levels."""

from datetime import date
from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

import pytest

from groups.models import Structure
from strategy.models import (
    ActionPage,
    AxisPage,
    Indicator,
    IndicatorValue,
    OrientationPage,
    StrategyPlanPage,
)

from .corpus import CORPUS, CORPUS_BY_NAME, documents, texts

pytestmark = pytest.mark.django_db


def run(path, *args):
    out = StringIO()
    call_command("import_strategy_plan", str(path), *args, stdout=out)
    return out.getvalue()


def state():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
    }


def assert_imported(expected):
    """The plan in the database is the one the corpus describes."""
    # A plan without the sections a published plan needs stays a draft: its latest revision.
    plan = StrategyPlanPage.objects.get().get_latest_revision_as_object()
    assert plan.title == expected.title
    orientations = OrientationPage.objects.child_of(plan).order_by("path")
    assert [o.title for o in orientations] == expected.orientations
    assert AxisPage.objects.descendant_of(plan).count() == expected.axes
    actions = {a.title: a for a in ActionPage.objects.descendant_of(plan)}
    assert len(actions) == expected.actions
    for title in expected.action_titles:
        assert title in actions
    for title, words in expected.action_text.items():
        assert words in actions[title].description
    assert [block.block_type for block in plan.sections] == expected.sections
    return plan


def levels_args(expected):
    return ["--levels", expected.levels] if expected.levels else []


@pytest.mark.parametrize("expected", CORPUS, ids=[plan.name for plan in CORPUS])
def test_each_plan_of_the_corpus_imports_exactly_and_a_second_import_changes_nothing(
    home_page, tmp_path, expected
):
    path = expected.build(tmp_path)
    output = run(path, "--apply", *levels_args(expected))
    assert "Import appliqué" in output
    assert_imported(expected)
    before = state()
    again = run(path, "--apply", *levels_args(expected))
    assert "Rien à changer" in again
    assert state() == before


def test_a_plan_whose_levels_are_unclear_stops_with_the_patterns_then_imports_once_mapped(
    home_page, tmp_path
):
    expected = CORPUS_BY_NAME["uncertain-then-mapped"]
    path = expected.build(tmp_path)
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_strategy_plan", str(path), "--apply", stdout=out)
    message = str(error.value)
    assert "aucune orientation trouvée avec certitude" in message
    assert "« LIGNE EN MAJUSCULES »" in message or "LIGNE EN MAJUSCULES" in message
    assert "--levels" in message
    assert "Aller vers les jeunes" in out.getvalue()  # the patterns found, with an example
    assert not Page.objects.filter(depth__gt=2).exclude(pk=home_page.pk).exists()

    run(path, "--apply", "--levels", expected.levels)
    assert_imported(expected)


def test_dry_run_prints_the_tree_level_by_level_and_writes_nothing(home_page, tmp_path):
    path = CORPUS_BY_NAME["level-words-text"].build(tmp_path)
    before = state()
    output = run(path, "--dry-run")
    assert state() == before
    assert "« Axe stratégique » (2, par exemple" in output
    assert "→ orientation" in output
    lines = output.splitlines()
    orientation = lines.index("  Orientation 1 : Accompagner chaque jeune là où il vit")
    assert lines[orientation + 1] == "    Axe 1 : Aller vers les jeunes éloignés"
    assert lines[orientation + 2] == "      Action 1.1 : Tenir des permanences dans les villages"


def test_levels_given_by_name_override_the_detection(home_page, tmp_path):
    path = CORPUS_BY_NAME["level-words-text"].build(tmp_path)
    run(path, "--apply", "--levels", "Axe stratégique=ignorer,Objectif=axe,1.=action")
    plan = StrategyPlanPage.objects.get()
    assert [o.title for o in OrientationPage.objects.child_of(plan)] == ["Orientation du projet"]
    assert AxisPage.objects.count() == 3
    assert ActionPage.objects.count() == 5


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ("Objectif=sous-axe", "« Objectif=sous-axe » n’est pas compris"),
        ("Chapitre=axe", "Ces motifs ne sont pas dans le document : « Chapitre »"),
    ],
)
def test_a_wrong_levels_option_is_explained_in_french(home_page, tmp_path, levels, message):
    path = CORPUS_BY_NAME["level-words-text"].build(tmp_path)
    before = state()
    with pytest.raises(CommandError, match=message):
        run(path, "--apply", "--levels", levels)
    assert state() == before


def test_a_scanned_pdf_says_it_has_no_text(home_page, tmp_path):
    path = documents.scanned_pdf(tmp_path)
    with pytest.raises(CommandError, match="ne contient pas de texte.*numérisé"):
        run(path, "--apply")


def test_text_outside_any_section_is_kept_and_marked(home_page, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        texts.LEVEL_WORDS.replace("Préambule\n", "Adopté en assemblée générale.\n\nPréambule\n")
    )
    output = run(path, "--dry-run")
    assert "Texte non reconnu, gardé dans « Préambule » : ligne 3" in output
    run(path, "--apply")
    plan = StrategyPlanPage.objects.get()
    preamble = plan.sections[0].value["content"]
    assert "Adopté en assemblée générale." in str(preamble)


def test_a_table_of_actions_fills_the_actions_fields_and_keeps_what_it_cannot_read(
    home_page, tmp_path
):
    structure = Structure.objects.create(name="Mission Locale de la Plaine")
    path = documents.word_table(tmp_path)
    run(path, "--apply")
    actions = {a.title: a for a in ActionPage.objects.all()}
    signage = actions["Refaire la signalétique de l'accueil"]
    assert signage.planned_end == date(2027, 6, 30)  # « juin 2027 »
    assert signage.pilot_structure is None
    assert "Pilote : Directrice" in signage.description  # no structure of that name: text
    assert [i.name for i in signage.indicators.all()] == ["Nombre de visites"]
    training = actions["Former l'équipe à l'accueil des jeunes en situation de handicap"]
    assert training.pilot_structure == structure
    assert training.planned_end == date(2026, 6, 30)  # « 30/06/2026 »
    assert "Pilote" not in training.description
    assert sorted(i.name for i in training.indicators.all()) == [
        "Salariés formés", "Satisfaction des jeunes accueillis"]  # fmt: skip
    tools = actions["Mettre en commun les fiches métiers avec les Missions Locales voisines"]
    assert tools.planned_end is None
    assert "Échéance : Au fil des rencontres" in tools.description  # unparsable: kept
    assert "Pilote : Chargée de projet" in tools.description
    assert [i.name for i in tools.indicators.all()] == ["Fiches partagées"]

    # Values entered since are the editors'; the same file again changes nothing.
    IndicatorValue.objects.create(indicator=signage.indicators.get(), year=2025, value=12)
    before = state(), list(Indicator.objects.values_list("pk", "name"))
    assert "Rien à changer" in run(path, "--apply")
    assert (state(), list(Indicator.objects.values_list("pk", "name"))) == before
    assert IndicatorValue.objects.get().value == 12
