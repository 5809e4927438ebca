"""A group leader runs their group's space alone: a meeting with an attachment, from the
group page to the admin and back, in a real browser."""

import datetime

from django.utils import timezone

import pytest

from groups.models import WorkingGroupPage

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

LEAD = "animateur"  # leads "Référents entreprises" in groups/demo.py


def test_a_lead_creates_a_meeting_with_an_attachment_and_sees_it(page, demo_site, tmp_path):
    group = WorkingGroupPage.objects.get(slug="referents-entreprises")
    attachment = tmp_path / "support-atelier.txt"
    attachment.write_text("Déroulé de l'atelier prospection.", encoding="utf-8")
    start = timezone.localtime() + datetime.timedelta(days=2)

    log_in(page, demo_site.url, username=LEAD)
    page.goto(f"{demo_site.url}{group.url}")
    page.get_by_role("link", name="Ajouter une réunion").click()

    page.fill("#id_title", "Atelier prospection")
    page.fill("#id_start", start.strftime("%Y-%m-%d 14:00"))
    page.keyboard.press("Escape")  # closes the date picker
    page.fill("#id_location", "Dijon")
    page.click("#id_attachments-ADD")
    page.click("#id_attachments-FORMS .chooser__choose-button")
    page.click("#tab-label-upload")
    page.set_input_files("#id_document-chooser-upload-file", str(attachment))
    page.fill("#id_document-chooser-upload-title", "Support de l'atelier")
    page.select_option("#id_document-chooser-upload-collection", label=group.title)
    page.click(".modal-content form [type=submit]")
    page.wait_for_selector(".modal-content", state="detached")
    assert "Support de l'atelier" in page.inner_text("#id_attachments-FORMS")
    page.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publier", exact=True).click()

    page.goto(f"{demo_site.url}{group.url}")
    next_meeting = page.locator("section[aria-labelledby=wg-next]")
    assert next_meeting.get_by_role("link", name="Atelier prospection").is_visible()
    documents = page.locator("section[aria-labelledby=wg-documents]")
    assert documents.get_by_role("link", name="Support de l'atelier").is_visible()
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "working-group.png", full_page=True)

    next_meeting.get_by_role("link", name="Atelier prospection").click()
    link = page.locator("section[aria-labelledby=meeting-attachments]").get_by_role(
        "link", name="Support de l'atelier"
    )
    response = page.request.get(demo_site.url + link.get_attribute("href"))
    assert response.status == 200
    assert "atelier prospection" in response.text()


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/groupes-de-travail/referents-entreprises/", "la page d'un groupe de travail"),
        ("/groupes-de-travail/", "la liste des groupes de travail"),
        ("/thematiques/relation-entreprises/", "la page d'une thématique"),
        ("/annuaire/", "l'annuaire des structures"),
        ("/annuaire/personnes/", "l'annuaire des personnes"),
        ("/reseau/mon-fil/", "Mon fil"),
        ("/reseau/mon-profil/", "la modification du profil"),
    ],
)
def test_groups_pages_are_accessible(page, demo_site, assert_accessible, path, label):
    log_in(page, demo_site.url, username=LEAD)
    page.goto(f"{demo_site.url}{path}")
    assert page.locator("main h1").count() == 1
    assert_accessible(page, label)
