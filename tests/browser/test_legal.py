"""The legal pages in a real browser: the accessibility statement, the site map, the barrier
form, « Mes données » and the anonymisation of a departed person; every new page passes
axe-core, the keyboard reaches their controls and the skip link works."""

import json
import zipfile

from django.contrib.auth import get_user_model

import pytest

from home.models import NewsPage

from .conftest import log_in

pytestmark = pytest.mark.browser

EDITOR = "editeur"
DEPARTED = "demo-p00"  # a professional of the demo directory (groups/demo.py)
NEW_PAGES = {
    "la déclaration d'accessibilité": "/accessibilite/",
    "le schéma pluriannuel": "/accessibilite/schema-pluriannuel/",
    "la politique de confidentialité": "/confidentialite/",
    "les mentions légales": "/mentions-legales/",
    "le plan du site": "/plan-du-site/",
    "le formulaire de signalement": "/accessibilite/signaler/",
    "Mes données": "/compte/mes-donnees/",
}


def focused(page) -> dict:
    return page.evaluate(
        "({id: document.activeElement.id, text: document.activeElement.innerText || '',"
        " href: document.activeElement.getAttribute('href') || ''})"
    )


def tab_until(page, predicate, limit: int = 80) -> dict:
    """Press Tab until the focused element matches; fail if the keyboard never reaches it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if predicate(current):
            return current
    raise AssertionError(f"la touche Tab n'atteint pas l'élément attendu sur {page.url}")


def test_every_new_page_passes_axe(logged_in_page, demo_site, assert_accessible):
    for label, path in NEW_PAGES.items():
        response = logged_in_page.goto(f"{demo_site.url}{path}")
        assert response.status == 200, path
        assert logged_in_page.locator("main h1").count() == 1, path
        assert_accessible(logged_in_page, label)


def test_footer_mention_leads_to_the_statement_and_its_headings(logged_in_page, demo_site):
    page = logged_in_page
    page.get_by_role("link", name="Accessibilité : partiellement conforme").click()
    assert page.url == f"{demo_site.url}/accessibilite/"
    headings = page.locator("main h2").all_inner_texts()
    for heading in ("État de conformité", "Résultats des tests", "Contenus non accessibles",
                    "Retour d'information et contact", "Voies de recours"):  # fmt: skip
        assert heading in headings
    assert "Défenseur des droits" in page.locator("main").inner_text()


def test_skip_link_then_keyboard_reaches_the_report_button(logged_in_page, demo_site):
    page = logged_in_page
    page.goto(f"{demo_site.url}/accessibilite/")
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#contenu"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "contenu"
    tab_until(page, lambda el: el["href"] == "/accessibilite/signaler/")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site.url}/accessibilite/signaler/")


def test_site_map_hides_a_private_group_from_a_professional(logged_in_page, demo_site):
    page = logged_in_page
    page.goto(f"{demo_site.url}/plan-du-site/")
    tree = page.locator("main .sitemap").inner_text()
    assert "Déclaration d'accessibilité" in tree
    from groups.models import WorkingGroupPage

    private = (
        WorkingGroupPage.objects.filter(visibility="members")
        .exclude(memberships__user__username="professionnel")
        .first()
    )
    assert private is not None, "the demo has a members-only group"
    public = WorkingGroupPage.objects.exclude(visibility="members").live().first()
    assert page.locator(f'main a[href="{public.url}"]').count() == 1
    assert page.locator(f'main a[href="{private.url}"]').count() == 0
    link = tab_until(page, lambda el: el["text"].strip() == "Actualités")
    assert link["href"] == "/actualites/"


def test_barrier_report_sent_with_the_keyboard(logged_in_page, demo_site, assert_accessible):
    page = logged_in_page
    page.goto(f"{demo_site.url}/accessibilite/signaler/")
    # Sent empty first: French errors, announced, and the page stays accessible.
    page.locator("#id_page_url").fill("")
    page.get_by_role("button", name="Envoyer le signalement").click()
    page.wait_for_load_state()
    assert "Décrivez le problème rencontré." in page.locator("main").inner_text()
    assert page.get_by_role("alert").count() >= 1
    assert_accessible(page, "le formulaire de signalement avec erreurs")

    page.locator("#id_page_url").focus()
    page.keyboard.type("/agenda/")
    page.keyboard.press("Tab")
    page.keyboard.type("Le calendrier ne se lit pas avec un lecteur d'écran.")
    page.keyboard.press("Tab")
    page.keyboard.type("Firefox et NVDA")
    page.keyboard.press("Tab")
    assert focused(page)["text"].strip() == "Envoyer le signalement"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{demo_site.url}/accessibilite/signaler/envoye/"
    assert "Merci : votre signalement a été transmis" in page.locator("main").inner_text()
    from legal.models import BarrierReport

    assert BarrierReport.objects.get().page_url == "/agenda/"


def test_my_data_downloads_json_and_csv(logged_in_page, demo_site, tmp_path):
    page = logged_in_page
    page.goto(f"{demo_site.url}/")
    page.locator(".user-menu__summary").click()
    page.get_by_role("link", name="Mes données").click()
    assert page.url == f"{demo_site.url}/compte/mes-donnees/"

    with page.expect_download() as json_download:
        page.get_by_role("link", name="Télécharger en JSON").click()
    data = json.loads(json_download.value.path().read_text(encoding="utf-8"))
    assert data["compte"]["rows"][0]["identifiant"] == "professionnel"
    assert data["profil"]["rows"], "the demo professional has a profile"

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Télécharger en CSV").click()
    with zipfile.ZipFile(csv_download.value.path()) as archive:
        assert "compte.csv" in archive.namelist()
        assert "professionnel" in archive.read("compte.csv").decode("utf-8-sig")


def test_editor_anonymises_a_departed_person(page, demo_site, assert_accessible):
    person = get_user_model().objects.get(username=DEPARTED)
    name = person.get_full_name()
    news = NewsPage.objects.live().first()
    news.content_owner = person
    news.save_revision().publish()

    log_in(page, demo_site.url, username=EDITOR)
    page.goto(f"{demo_site.url}/admin/anonymisation/")
    page.get_by_label("Nom, identifiant ou adresse électronique de la personne").fill(DEPARTED)
    page.locator("#main").get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name=f"Préparer l'anonymisation de {DEPARTED}").click()
    preview = page.locator("main").inner_text()
    assert f"Ce qui va changer pour {name}" in preview
    assert "Rien n'a encore été modifié." in preview

    with page.expect_navigation():
        page.get_by_role("button", name="Anonymiser cette personne").click()
    assert "Cochez la case pour confirmer" in page.locator("main").inner_text()
    page.get_by_label("Je confirme que cette personne a quitté le réseau").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Anonymiser cette personne").click()
    page.get_by_text("Le compte a été anonymisé").first.wait_for()
    person.refresh_from_db()
    assert not person.is_active and person.get_full_name() == "ancien·ne membre"

    page.goto(f"{demo_site.url}{news.url}")
    main = page.locator("main").inner_text()
    assert "Contenu suivi par ancien·ne membre" in main
    assert name not in main
    assert_accessible(page, "une actualité signée « ancien·ne membre »")
