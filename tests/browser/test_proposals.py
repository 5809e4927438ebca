"""A professional proposes a good practice from the site, an editor approves it in
Wagtail's admin, and the proposer finds it published, credited and notified."""

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from participation.proposals.models import Proposal, ProposalStatus

from .conftest import PROFESSIONAL, log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"  # groups/demo.py
TITLE = "Une permanence mobilité au lycée professionnel"


def test_a_good_practice_proposed_approved_and_published(
    page, context, demo_site, assert_accessible
):
    log_in(page, demo_site.url)
    page.goto(f"{demo_site.url}/mes-propositions/")
    assert_accessible(page, "Mes propositions")
    page.get_by_role("link", name="Proposer une bonne pratique").first.click()
    page.wait_for_url("**/mes-propositions/bonne-pratique/")

    # Sent incomplete first: the errors are named in French and nothing typed is lost.
    page.fill("#id_title", TITLE)
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer ma proposition").click()
    assert "Ce champ est obligatoire." in page.inner_text("main form")
    assert page.input_value("#id_title") == TITLE
    assert_accessible(page, "le formulaire de proposition (avec ses erreurs)")

    page.fill("#id_summary", "Un conseiller tient une permanence chaque mois au lycée.")
    page.select_option("#id_thematic", label="Orientation et événementiel")
    page.fill("#id_context", "Les élèves de terminale ne connaissent pas la Mission Locale.")
    page.fill("#id_action", "Une permanence mensuelle au CDI, avec la conseillère d'orientation.")
    page.fill("#id_results", "Vingt élèves reçus la première année.")
    page.fill("#id_contact", "Thomas Girard, par la messagerie de Trame.")
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer ma proposition").click()
    assert "En attente de relecture" in page.inner_text("main")
    proposal = Proposal.objects.get(page__title=TITLE)

    editor_page = context.browser.new_context(locale="fr-FR").new_page()
    log_in(editor_page, demo_site.url, username=EDITOR)
    editor_page.goto(f"{demo_site.url}/admin/")
    assert TITLE in editor_page.inner_text("main")
    editor_page.goto(f"{demo_site.url}/admin/pages/{proposal.page_id}/edit/")
    editor_page.get_by_role("button", name="Plus d'actions").click()
    with editor_page.expect_navigation():
        editor_page.get_by_role("button", name="Approuver et publier").click()

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PUBLISHED
    messages = list(
        Notification.objects.filter(
            recipient__username=PROFESSIONAL,
            kind=NotificationKind.PROPOSAL,
            target_id=str(proposal.page_id),
        ).values_list("message", flat=True)
    )
    assert f"Votre proposition « {TITLE} » a été envoyée pour relecture." in messages
    assert f"Votre proposition « {TITLE} » est publiée." in messages

    page.goto(f"{demo_site.url}/mes-propositions/")
    item = page.locator(".proposal-item", has_text=TITLE)
    assert "Publiée" in item.inner_text()
    item.get_by_role("link", name=TITLE).click()
    assert "Proposé par Thomas Girard" in page.inner_text("main")
