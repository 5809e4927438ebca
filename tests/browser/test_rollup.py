"""A regional editor reads the network roll-up: filters it by department, finds a structure's
row and a regional axis's column, downloads the CSV; the page passes axe."""

import csv
import io

import pytest

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"  # in the editors' group (groups/demo.py)


def test_an_editor_filters_the_rollup_and_downloads_its_csv(page, demo_site, assert_accessible):
    log_in(page, demo_site.url, username=EDITOR)
    page.goto(f"{demo_site.url}/projet-associatif/reseau/")
    assert page.get_by_role("heading", level=1).inner_text() == "Projets associatifs du réseau"
    assert_accessible(page, "la synthèse du réseau")

    page.get_by_label("Département").select_option("39")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert "departement=39" in page.url
    matrix = page.locator("table#matrice")
    row = matrix.get_by_role("row", name="Mission Locale du Jura Nord", exact=False)
    assert row.is_visible()
    assert matrix.get_by_role("columnheader", name="Axe 1", exact=True).is_visible()
    assert matrix.get_by_role("rowheader", name="Mission Locale de Dijon").count() == 0
    plans = page.locator("table#structures")
    assert "Projet associatif 2025-2028 – Mission Locale du Jura Nord" in plans.inner_text()
    assert "3/3" in plans.get_by_role("row", name="Mission Locale du Jura Nord").inner_text()
    page.screenshot(path=str(SCREENSHOTS_DIR / "synthese-reseau.png"), full_page=True)
    assert_accessible(page, "la synthèse filtrée")

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporter (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Structure"
    assert any(r and r[0] == "Mission Locale du Jura Nord" for r in rows)
    assert not any(r and r[0] == "Mission Locale de Dijon" for r in rows)
