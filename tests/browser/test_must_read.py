"""Must-read, end to end in a real browser: an editor marks a resource « à lire » for the
advisers from the page's admin, an adviser finds it on their home page, reads it and
confirms, and the editor's reach report counts that reading for the adviser's structure."""

import pytest

from groups.models import Profile
from participation.notices.models import Acknowledgement, MustRead
from resources.models import ResourcePage

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"  # groups/demo.py: in the editors' group
ADVISER = "professionnel"  # groups/demo.py: « Conseiller en insertion », role conseiller
TITLE = "Support de formation : accueil des nouveaux conseillers"  # resources/demo.py


def test_an_advisers_notice_is_read_and_counted(browser, demo_site, assert_accessible):
    resource = ResourcePage.objects.get(title=TITLE)
    structure = Profile.objects.get(user__username=ADVISER).structure

    editor = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    editor.set_default_timeout(15_000)
    admin = editor.new_page()
    log_in(admin, demo_site.url, username=EDITOR)
    admin.goto(f"{demo_site.url}/admin/pages/{resource.pk}/edit/")
    # « Marquer « à lire » » is in the page header's « Actions » menu.
    admin.get_by_role("navigation", name="Actions").get_by_role("button").first.click()
    with admin.expect_navigation():
        admin.get_by_role("link", name="Marquer « à lire »").click()
    assert admin.url.endswith(f"/mustread/add/?page={resource.pk}")
    admin.fill("#id_message", "Le parcours d'intégration change : relisez le support.")
    admin.fill("#id_deadline", "2099-01-15")
    admin.keyboard.press("Escape")  # closes the date picker
    admin.select_option("#id_job_roles", label="Conseiller·ère")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Enregistrer").first.click()
    notice = MustRead.objects.get(page=resource)
    assert admin.url.endswith(f"/admin/a-lire/{notice.pk}/lecture/")

    reader_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    reader_context.set_default_timeout(15_000)
    reader = reader_context.new_page()
    log_in(reader, demo_site.url, username=ADVISER)
    reader.goto(f"{demo_site.url}/")
    panel = reader.locator("section[aria-labelledby=home-must-read-title]")
    assert panel.get_by_role("heading", name="À lire").is_visible()
    assert_accessible(reader, "l'accueil avec le panneau « À lire »")
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=SCREENSHOTS_DIR / "must-read-home.png", full_page=True)

    with reader.expect_navigation():
        panel.get_by_role("link", name=TITLE).click()
    with reader.expect_navigation():
        reader.get_by_role("button", name="J'ai lu").click()
    assert "Merci : votre lecture est enregistrée." in reader.inner_text("main")
    assert reader.get_by_role("button", name="J'ai lu").count() == 0
    assert Acknowledgement.objects.filter(must_read=notice).count() == 1

    admin.goto(f"{demo_site.url}/admin/a-lire/{notice.pk}/lecture/")
    row = admin.locator("tbody tr").filter(has=admin.get_by_role("rowheader", name=structure.name))
    cells = row.locator("td").all_inner_texts()
    assert cells[1] == "1", cells  # read
    assert_accessible(admin, "le rapport de lecture d'un avis « à lire »")
    admin.screenshot(path=SCREENSHOTS_DIR / "must-read-reach.png", full_page=True)
    editor.close()
    reader_context.close()
