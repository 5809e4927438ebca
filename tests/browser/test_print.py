"""The print stylesheet in a real Chromium printing the page (emulated print media): no
navigation, forms or footer on paper, link addresses written out, no break after headings."""

import pytest

from strategy.models import StrategyPlanPage

pytestmark = pytest.mark.browser

AFTER_CONTENT = "(el) => getComputedStyle(el, '::after').content"
DISPLAY = "(el) => getComputedStyle(el).display"


def test_printing_hides_the_navigation_and_spells_out_links(logged_in_page, demo_site):
    page = logged_in_page
    page.goto(f"{demo_site.url}/ressources/")
    assert page.locator(".main-nav").is_visible()
    assert page.locator(".library__filters form").is_visible()

    page.emulate_media(media="print")

    for selector in (".main-nav", ".site-header", ".site-footer", ".library__filters"):
        assert page.locator(selector).first.evaluate(DISPLAY) == "none", selector
    assert not page.locator(".pdf-download").is_visible()
    link = page.locator("main .card__title a").first
    href = link.get_attribute("href")
    assert link.evaluate(AFTER_CONTENT) == f'" ({href})"'
    heading = page.locator("main h1")
    assert heading.evaluate("(el) => getComputedStyle(el).breakAfter") == "avoid"
    card = page.locator("main .card").first
    assert card.evaluate("(el) => getComputedStyle(el).breakInside") == "avoid"


def test_in_page_anchors_get_no_address(logged_in_page, demo_site):
    page = logged_in_page
    page.goto(f"{demo_site.url}/")
    page.emulate_media(media="print")
    assert page.locator("a.skip-link").evaluate(AFTER_CONTENT) == "none"


def test_the_plan_printable_view_hides_its_back_link_on_paper_only(logged_in_page, demo_site):
    page = logged_in_page
    plan = StrategyPlanPage.objects.live().first()
    page.goto(f"{demo_site.url}{plan.url}imprimer/")
    back = page.locator("main .no-print")
    assert back.is_visible()
    assert not page.locator(".main-nav").is_visible()  # the view is a preview of the paper
    page.emulate_media(media="print")
    assert not back.is_visible()
