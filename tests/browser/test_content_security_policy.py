"""Every page type of Trame, front end and admin, loaded in Chromium with the Content-Security-
Policy enforced: the browser reports no violation (a blocked script, style or image)."""

import pytest

from groups.models import (
    MeetingPage,
    NetworkDirectoryPage,
    ThematicHubPage,
    WorkingGroupPage,
)
from home.models import EventPage, HomePage, NewsPage
from legal.models import AccessibilityPage, AccessibilityPlanPage, LegalNoticesPage, PrivacyPage
from resources.models import ResourceIndexPage, ResourcePage
from strategy.models import StrategyPlanPage

from .conftest import log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"  # in the editors' group (groups/demo.py): sees the userbar and the admin

# Runs before any page script: records what the browser blocks, with the directive it broke.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} bloque ${event.blockedURI || "(inline)"}`
        + ` (${event.sourceFile || "?"}:${event.lineNumber})`
    );
});
"""


def _front_end_paths() -> dict[str, str]:
    def url_of(model):
        page = model.objects.live().first()
        assert page is not None, f"no live {model.__name__} in the demo"
        return page.url

    return {
        "accueil": url_of(HomePage),
        "actualité": url_of(NewsPage),
        "événement": url_of(EventPage),
        "bibliothèque de ressources": url_of(ResourceIndexPage),
        "ressource": url_of(ResourcePage),
        "pôle thématique": url_of(ThematicHubPage),
        "groupe de travail": url_of(WorkingGroupPage),
        "réunion": url_of(MeetingPage),
        "annuaire": url_of(NetworkDirectoryPage),
        "projet associatif": url_of(StrategyPlanPage),
        "recherche": "/recherche/?q=emploi",
        "déclaration d'accessibilité": url_of(AccessibilityPage),
        "schéma pluriannuel": url_of(AccessibilityPlanPage),
        "confidentialité": url_of(PrivacyPage),
        "mentions légales": url_of(LegalNoticesPage),
        "plan du site": "/plan-du-site/",
        "signalement d'accessibilité": "/accessibilite/signaler/",
        "mes données": "/compte/mes-donnees/",
    }


def _violations(page, messages: list[str]) -> list[str]:
    return page.evaluate("window.__cspViolations || []") + messages


def _visit(page, messages: list[str], url: str) -> list[str]:
    messages.clear()
    response = page.goto(url)
    assert response.status == 200, f"{url} : statut {response.status}"
    page.wait_for_load_state("networkidle")
    return _violations(page, messages)


def _loaded_preview_frames(page) -> list:
    # Polled from Python: a predicate evaluated in the page would itself need 'unsafe-eval'.
    for _ in range(75):
        frames = [frame for frame in page.frames if "/preview/" in frame.url]
        if frames and all(frame.query_selector("main") for frame in frames):
            page.wait_for_load_state("networkidle")
            return frames
        page.wait_for_timeout(200)
    raise AssertionError(f"no preview loaded: {[frame.url for frame in page.frames]}")


@pytest.fixture
def watched_page(context):
    """A page whose CSP console errors and violation events are collected."""
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page, messages


def test_every_page_type_loads_without_a_csp_violation(watched_page, demo_site):
    page, messages = watched_page
    base = demo_site.url
    found = {}

    login = page.goto(f"{base}/connexion/")
    # The policy is enforced, not merely reported.
    assert "script-src 'self'" in login.headers["content-security-policy"]
    assert "content-security-policy-report-only" not in login.headers
    found["connexion"] = _violations(page, messages)

    log_in(page, base, username=EDITOR)
    for label, path in _front_end_paths().items():
        found[label] = _visit(page, messages, f"{base}{path}")

    found["admin : tableau de bord"] = _visit(page, messages, f"{base}/admin/")
    edited = NewsPage.objects.live().first()
    edit_url = f"{base}/admin/pages/{edited.pk}/edit/"
    found["admin : modification d'une page"] = _visit(page, messages, edit_url)
    # The live preview panel renders the page inside the admin.
    page.click("[data-side-panel-toggle=preview]")
    preview_frames = _loaded_preview_frames(page)
    found["admin : aperçu"] = _violations(page, messages)
    for frame in preview_frames:
        found["admin : aperçu"] += frame.evaluate("window.__cspViolations || []")

    reported = {label: found_here for label, found_here in found.items() if found_here}
    assert not reported, "violations de la CSP :\n" + "\n".join(
        f"- {label} : {violation}" for label, items in reported.items() for violation in items
    )


def test_every_html_response_carries_the_referrer_and_permissions_policies(page, demo_site):
    response = page.goto(f"{demo_site.url}/connexion/")

    assert response.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in response.headers["permissions-policy"]
    assert "geolocation=()" in response.headers["permissions-policy"]
