"""One Mission Locale, one voice: two structures vote through their voter (a director, and
the delegate another director named), one changes its vote, and the results by structure
show it, in a real browser."""

import datetime

from django.utils import timezone

import pytest

from groups.models import Structure
from participation.consultations.models import Consultation, Question

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

DIRECTOR = "direction-dijon"  # ML Dijon's director (groups/demo.py)
DELEGATE = "professionnel"  # casts the voice of ML Grand Besançon, named by its director


def _consultation() -> Consultation:
    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Lieu de l'assemblée générale",
        introduction="Le bureau propose trois villes pour l'assemblée générale de juin.",
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=5),
    )
    consultation.structures.set(
        Structure.objects.filter(short_name__in=["ML Dijon", "ML Grand Besançon"])
    )
    Question.objects.create(
        consultation=consultation, sort_order=0, label="Quelle ville accueille l'assemblée ?",
        kind=Question.Kind.SINGLE, options="Dijon\nBesançon\nAuxerre",
    )  # fmt: skip
    Question.objects.create(
        consultation=consultation, sort_order=1, label="Classez les thèmes de la table ronde",
        kind=Question.Kind.RANKING, options="Mobilité\nLogement\nEmploi",
    )  # fmt: skip
    return consultation


def _vote(page, base_url, consultation, city, ranks):
    page.goto(f"{base_url}/consultations/")
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_label(city, exact=True).check()
    for option, rank in ranks.items():
        page.get_by_label(f"Rang de « {option} »").select_option(str(rank))
    with page.expect_navigation():
        page.locator("form.vote-form button[type=submit]").click()


def test_two_structures_vote_one_changes_its_vote_and_the_results_show_it(
    context, browser, demo_site, assert_accessible
):
    consultation = _consultation()
    base = demo_site.url

    director = context.new_page()
    log_in(director, base, username=DIRECTOR)
    director.goto(f"{base}/consultations/{consultation.pk}/")
    assert_accessible(director, "le formulaire de vote")
    _vote(director, base, consultation, "Dijon", {"Mobilité": 1, "Logement": 2, "Emploi": 3})
    assert "Votre vote est enregistré" in director.inner_text("main")

    delegate_context = browser.new_context(locale="fr-FR")  # another person, another session
    delegate_context.set_default_timeout(15_000)
    delegate = delegate_context.new_page()
    log_in(delegate, base, username=DELEGATE)
    _vote(delegate, base, consultation, "Auxerre", {"Mobilité": 2, "Logement": 3, "Emploi": 1})
    # A ranking using a rank twice is refused, in French, and nothing changes.
    delegate.get_by_label("Besançon", exact=True).check()
    delegate.get_by_label("Rang de « Logement »").select_option("2")
    with delegate.expect_navigation():
        delegate.locator("form.vote-form button[type=submit]").click()
    assert "doit être utilisé une seule fois" in delegate.inner_text("main")
    _vote(delegate, base, consultation, "Besançon", {"Mobilité": 2, "Logement": 3, "Emploi": 1})
    assert "Votre vote est modifié" in delegate.inner_text("main")
    delegate_context.close()

    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    director.goto(f"{base}/consultations/{consultation.pk}/")
    assert "les votes ne peuvent plus être exprimés ni modifiés" in director.inner_text("main")
    director.get_by_role("link", name="Voir les résultats").click()
    assert "Structures ayant voté : 2 sur 2 invitées (100 %)" in director.inner_text("main")
    rows = director.locator("table.consultation-breakdown tbody tr")
    by_structure = {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").all_inner_texts()
        for i in range(rows.count())
    }
    besancon = by_structure["Mission Locale du Grand Besançon"]
    assert besancon[0].startswith("Thomas Girard")
    assert besancon[1] == "Besançon"
    assert by_structure["Mission Locale de Dijon"][1] == "Dijon"
    assert_accessible(director, "les résultats")
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    director.screenshot(path=SCREENSHOTS_DIR / "consultation-results.png", full_page=True)
