"""Browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's live
server.

Neither `playwright install` nor a download is needed: the system `chromium` is used. When it or
`node_modules/axe-core` (`npm ci`) is missing, the tests are skipped, unless
TRAME_REQUIRE_BROWSER=1 (set by CI) turns the skip into a failure.
"""

import io
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS_DIR = Path(settings.BASE_DIR) / "test-artifacts"
SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"
DEMO_PASSWORD = "mot-de-passe-des-tests-navigateur"  # noqa: S105
PROFESSIONAL = "professionnel"  # created by seed_demo (groups/demo.py)
NEWS_TITLE = "Le réseau se dote d'un nouveau projet associatif"  # home/demo.py


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test of this folder drives the browser, marked or not: `-m 'not browser'` (the
    PostgreSQL pass of the CI) leaves them all out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def browser_required() -> bool:
    return os.environ.get("TRAME_REQUIRE_BROWSER") == "1"


def unavailable(reason: str):
    """Skip, or fail when the environment promises a browser (CI)."""
    if browser_required():
        pytest.fail(f"{reason} (TRAME_REQUIRE_BROWSER=1 : les tests navigateur sont obligatoires)")
    pytest.skip(reason)


@pytest.fixture(scope="package")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        unavailable("chromium introuvable : apt-get install chromium")
    return path


@pytest.fixture(scope="package")
def axe_path() -> Path:
    if not AXE_PATH.is_file():
        unavailable(f"axe-core introuvable ({AXE_PATH}) : lancez `npm ci` à la racine du projet")
    return AXE_PATH


@pytest.fixture
def demo_site(django_db_serialized_rollback, live_server, settings):
    """The demo network (pages, structures, users) served by the live server."""
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    call_command("seed_demo", stdout=io.StringIO())
    return live_server


@pytest.fixture
def browser(chromium_path, demo_site):
    """A headless Chromium, started once the database is ready and closed before it is flushed.

    Playwright's sync API runs an asyncio loop in the test's thread. While it runs, Django binds
    its database connections to that loop (asgiref's Local) instead of the thread, and refuses
    ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Starting the browser after pytest-django
    has prepared the database (serialized rollback included), and stopping it before the flush,
    keeps the set-up and tear-down on the thread's own connection.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable('paquet Python playwright introuvable : pip install -e ".[dev]"')
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def log_in(page, base_url: str, username: str = PROFESSIONAL, password: str = DEMO_PASSWORD):
    """Log in through the real form, as a person would."""
    page.goto(f"{base_url}/connexion/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form[action='/connexion/'] button[type=submit]")
    assert "/connexion/" not in page.url, f"login failed for {username}: still on {page.url}"


@pytest.fixture
def logged_in_page(page, demo_site):
    log_in(page, demo_site.url)
    return page


def serious_axe_violations(page, axe_path: Path) -> list[dict]:
    # Evaluated through the DevTools protocol: a <script> tag would break the page's CSP.
    page.evaluate(axe_path.read_text(encoding="utf-8"))
    results = page.evaluate("axe.run()")
    return [v for v in results["violations"] if v["impact"] in ("serious", "critical")]


def format_axe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            # A target is a CSS selector, or a list of them across iframes and shadow roots.
            target = " ".join(
                " > ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"    cible : {target}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(axe_path):
    def check(page, label: str):
        violations = serious_axe_violations(page, axe_path)
        assert not violations, (
            f"axe-core : {len(violations)} violation(s) grave(s) ou critique(s) sur {label}"
            f" ({page.url}) :\n{format_axe_violations(violations)}"
        )

    return check
