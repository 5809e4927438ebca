"""Searching in a real browser: the header box's suggestions with the keyboard (ARIA combobox),
the results page's accessibility, and the plain form without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_PASSWORD, NEWS_TITLE, PROFESSIONAL, SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

PREFIX = "nouveau proj"  # the demo's news item: NEWS_TITLE


def test_the_header_box_suggests_and_the_keyboard_opens_a_suggestion(logged_in_page, demo_site):
    page = logged_in_page
    box = page.locator("#site-search-input")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")

    box.click()
    box.press_sequentially(PREFIX, delay=30)
    listbox = page.locator(f"#{listbox_id}")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    labels = [label.strip() for label in options.all_inner_texts()]
    assert any(NEWS_TITLE in label for label in labels), labels
    # The number of suggestions is announced in a live region.
    # (A web-first assertion: no string evaluated in the page, which the CSP forbids.)
    expect(page.locator(".site-search__status")).to_contain_text("suggestion")

    page.keyboard.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "search-autocomplete.png")

    # Down then Up comes back to the first option; Escape closes the list.
    if options.count() > 1:
        page.keyboard.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
        page.keyboard.press("ArrowUp")
        assert box.get_attribute("aria-activedescendant") == first_id
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None

    # Open again, move to the news item and open it with Enter.
    page.keyboard.press("ArrowDown")
    target = next(i for i, label in enumerate(labels) if NEWS_TITLE in label)
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main h1").inner_text().strip() == NEWS_TITLE


def test_the_results_page_is_accessible(logged_in_page, demo_site, assert_accessible):
    page = logged_in_page
    page.goto(f"{demo_site.url}/recherche/?q=projet")

    status = page.locator("#search-status")
    assert re.search(r"\d+ résultats? en \d+ ms", status.inner_text())
    assert status.get_attribute("role") == "status"
    assert page.locator(".search-hit").count() >= 1
    assert page.locator("fieldset.facet legend").count() >= 1
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "search-results.png", full_page=True)
    assert_accessible(page, "la page de résultats de recherche")

    # The facets work with the keyboard and the plain form: tick one, apply.
    page.locator("fieldset.facet input[type=checkbox]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer les filtres").click()
    assert "q=projet" in page.url
    assert page.locator("fieldset.facet input[type=checkbox]:checked").count() == 1
    assert_accessible(page, "la page de résultats filtrés")


def test_the_empty_results_page_is_accessible(logged_in_page, demo_site, assert_accessible):
    page = logged_in_page
    page.goto(f"{demo_site.url}/recherche/?q=xqzwvk")

    assert "Aucun résultat" in page.locator("main").inner_text()
    assert_accessible(page, "la page sans résultat")


def test_without_javascript_the_header_box_submits_to_the_search_page(browser, demo_site):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        log_in(page, demo_site.url, username=PROFESSIONAL, password=DEMO_PASSWORD)
        assert page.get_attribute("#site-search-input", "role") is None
        page.fill("#site-search-input", "projet associatif")
        with page.expect_navigation():
            page.press("#site-search-input", "Enter")
        assert "/recherche/?q=projet+associatif" in page.url
        assert "résultat" in page.locator("#search-status").inner_text()
    finally:
        context.close()
