"""What a professional sees on the home page, in a real browser, and whether everyone can use it."""

import re

import pytest

from .conftest import NEWS_TITLE, SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

# Lists the elements whose right edge goes past the viewport, to explain a horizontal scroll.
WIDER_THAN_VIEWPORT = """() => Array.from(document.querySelectorAll("body *"))
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map((el) => `  <${el.localName}${el.id ? "#" + el.id : ""}`
        + `${el.classList.length ? "." + [...el.classList].join(".") : ""}> `
        + `droite à ${Math.round(el.getBoundingClientRect().right)} px`)
    .join("\\n")"""


def test_professional_logs_in_and_sees_the_dashboard(page, demo_site):
    log_in(page, demo_site.url)

    assert page.url == f"{demo_site.url}/"
    assert page.get_attribute("html", "lang") == "fr"
    heading = page.locator("main h1")
    assert heading.count() == 1
    # "Bonjour Thomas" with the French catalogue compiled, "Hello Thomas" without it.
    assert re.fullmatch(r"(Bonjour|Hello) Thomas", heading.inner_text().strip())
    news = page.locator("section[aria-labelledby=home-news-title]")
    assert news.locator("h2").inner_text().strip() in ("Dernières actualités", "Latest news")
    assert news.get_by_role("link", name=NEWS_TITLE).is_visible()
    # The user menu shows who is logged in.
    assert "Thomas Girard" in page.locator(".user-menu__summary").inner_text()

    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "home.png", full_page=True)


def test_login_page_is_accessible(page, demo_site, assert_accessible):
    page.goto(f"{demo_site.url}/connexion/")
    assert page.locator("input[name=username]").is_visible()
    assert_accessible(page, "la page de connexion")


def test_home_page_is_accessible(logged_in_page, assert_accessible):
    assert logged_in_page.locator("main h1").is_visible()
    assert_accessible(logged_in_page, "la page d'accueil")


def test_home_page_fits_a_small_screen_and_starts_with_the_skip_link(logged_in_page):
    page = logged_in_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, (
        f"défilement horizontal à 360 px : le document fait {scroll_width} px de large ; "
        f"éléments qui dépassent :\n{page.evaluate(WIDER_THAN_VIEWPORT)}"
    )

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({cls: document.activeElement.className,"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"cls": "skip-link", "href": "#contenu"}, (
        f"la touche Tab devrait d'abord atteindre le lien d'évitement, pas {focused}"
    )
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "home-360.png", full_page=True)
