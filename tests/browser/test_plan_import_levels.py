"""A director imports a plan whose levels the importer cannot tell apart, in a real browser:
the explanation, the levels picked per pattern, the tree updated, the preview, then the
confirmation."""

import pytest

from strategy.models import ActionPage, AxisPage, OrientationPage
from tests.factories import StrategyPlanPageFactory
from tests.strategy.corpus import CORPUS_BY_NAME

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser


def test_a_director_names_the_levels_then_imports_the_plan(page, demo_site, tmp_path):
    expected = CORPUS_BY_NAME["uncertain-then-mapped"]
    path = expected.build(tmp_path)
    home = demo_site_home()
    plan = StrategyPlanPageFactory(parent=home, title="Projet à remplacer", sections=[])

    log_in(page, demo_site.url, username="admin")
    page.goto(f"{demo_site.url}/admin/projet-associatif/{plan.pk}/importer/")
    page.get_by_label("Fichier du projet").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Prévisualiser l’import").click()

    alert = page.get_by_role("alert").filter(has_text="n’ont pas pu être distingués")
    assert "LIGNE EN MAJUSCULES" in alert.inner_text()
    tree = page.locator("[data-import-tree]")
    assert "Orientation 1 : Orientation du projet" in tree.inner_text()  # the guess

    page.get_by_label("Niveau de « LIGNE EN MAJUSCULES »").select_option(label="Orientation")
    page.get_by_label("Niveau de « Puce »").select_option(label="Action")
    with page.expect_navigation():
        page.get_by_role("button", name="Mettre l’arbre à jour").click()
    tree_text = page.locator("[data-import-tree]").inner_text()
    assert "Orientation 1 : Aller vers les jeunes" in tree_text
    assert "Orientation 2 : Travailler avec les familles" in tree_text
    assert "Action 2.1 : Ouvrir un temps d'accueil pour les parents" in tree_text

    with page.expect_navigation():
        page.get_by_role("button", name="Continuer vers l’aperçu des changements").click()
    assert "Arbre compris" in page.content()
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "plan-import-levels.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer l’import").click()
    assert "Import appliqué" in page.content()

    assert list(OrientationPage.objects.child_of(plan).values_list("title", flat=True)) == (
        expected.orientations
    )
    assert AxisPage.objects.descendant_of(plan).count() == expected.axes
    assert ActionPage.objects.descendant_of(plan).count() == expected.actions


def demo_site_home():
    from home.models import HomePage

    return HomePage.objects.first()
