"""A Mission Locale writes its own plan on the common trame, in its space: its director
names a colleague editor, who creates the plan from the trame, fills in the required
sections, adds two actions aligned on regional axes and publishes; the regional roll-up
shows the plan in its row and the axes' columns; someone of another structure can neither
edit it nor see the space's reserved pages or the structure's self-assessment. In a real
browser, with axe-core on the new pages."""

from wagtail.models import Page

import pytest
from playwright.sync_api import TimeoutError

from groups.models import Profile, Structure, StructureSpacePage
from strategy.models import ActionPage, AxisPage, StrategyPlanPage
from strategy.services import structure_plan

from .conftest import SCREENSHOTS_DIR, log_in

pytestmark = pytest.mark.browser

DIRECTOR = "direction-nevers"  # directs ML Nevers, whose space has no plan yet (groups/demo.py)
OTHER_EDITOR = "redaction-chalon"  # an editor of another structure's space
REQUIRED = ("history", "values", "missions")


def publish(page):
    page.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publier", exact=True).click()


def add_page(page, base_url, model, parent_pk, title, slug, choices=None):
    page.goto(f"{base_url}/admin/pages/add/strategy/{model}/{parent_pk}/")
    page.fill("#id_title", title)
    for field, value in (choices or {}).items():
        page.select_option(f"#id_{field}", str(value))
    # The slug lives in the « Promotion » tab, filled from the title as one types.
    page.evaluate(f"document.querySelector('#id_slug').value = '{slug}'")
    publish(page)
    errors = page.locator(".error-message, .help-critical, .messages").all_inner_texts()
    assert "/add/" not in page.url, errors
    created = Page.objects.filter(title=title).first()
    assert created is not None, (page.url, errors)
    return created


def write_section(page, index, text):
    """Insert a paragraph in the section's content, as an editor does: the « + » of the
    section's empty stream, then « Paragraphe », then type. On a busy machine the rich text
    editor can drop keys while it renders: the paragraph is then selected and typed again
    until the form's hidden input holds exactly the text."""
    stream = page.locator(f"input[name='sections-{index}-value-content-count']").locator("xpath=..")
    stream.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraphe").first.click()
    editor = stream.locator("[contenteditable=true]").first
    editor.wait_for(state="visible")
    for _attempt in range(3):
        editor.click()
        page.keyboard.press("ControlOrMeta+A")
        editor.press_sequentially(text, delay=10)
        if form_holds(page, index, text):
            return
    raise AssertionError(f"section {index}: the editor never held « {text} »")


def form_holds(page, index, text):
    """Whether the paragraph's hidden input, which the editor writes a moment after the
    keys, holds exactly the text: what the form will send."""
    try:
        page.wait_for_function(
            """([id, text]) => {
                const state = JSON.parse(document.getElementById(id)?.value || "null");
                return state?.blocks?.map(b => b.text).join("\\n") === text;
            }""",
            arg=[f"sections-{index}-value-content-0-value", text],
            timeout=5_000,
        )
    except TimeoutError:
        return False
    return True


def test_a_director_names_an_editor_who_writes_and_publishes_the_plan(
    context, demo_site, assert_accessible
):
    base = demo_site.url
    nevers = Structure.objects.get(short_name="ML Nevers")
    space = StructureSpacePage.objects.get(structure=nevers)
    colleague = (
        Profile.objects.filter(structure=nevers, user__username__startswith="demo-p")
        .select_related("user")
        .first()
        .user
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.on("dialog", lambda dialog: dialog.accept())  # « leave this page? » after a save

    # The director names a colleague editor from « Gérer l'équipe éditoriale ».
    log_in(page, base, username=DIRECTOR)
    page.goto(f"{base}{space.url}")
    page.get_by_role("link", name="Gérer l’équipe éditoriale").click()
    assert page.locator("main h1").inner_text() == "Gérer l’équipe éditoriale"
    assert_accessible(page, "la gestion de l'équipe éditoriale")
    page.get_by_label("Personne de la structure").select_option(str(colleague.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Désigner").click()
    assert (
        colleague.get_full_name()
        in page.locator("section[aria-labelledby=team-editors]").inner_text()
    )

    # The colleague creates the plan from the trame and writes the required sections.
    context.clear_cookies()
    log_in(page, base, username=colleague.username)
    page.goto(f"{base}{space.url}")
    assert_accessible(page, "l'espace d'une structure")
    with page.expect_navigation():
        page.get_by_role("button", name="Créer notre projet à partir de la trame").click()
    plan = structure_plan(space)
    assert page.url.endswith(f"/admin/pages/{plan.pk}/edit/")
    assert "data-missing-sections" in page.content()
    kinds = [block.block_type for block in plan.sections]
    for kind in REQUIRED:
        write_section(page, kinds.index(kind), f"Ce que la Mission Locale écrit : {kind}.")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    draft = StrategyPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object()
    assert not draft.missing_sections()
    written = str(list(draft.sections.raw_data))
    assert all(f"Ce que la Mission Locale écrit : {kind}." in written for kind in REQUIRED), written

    # Two actions, each aligned on an axis of the regional plan.
    regional_axes = list(
        AxisPage.objects.descendant_of(
            StrategyPlanPage.objects.get(slug="projet-associatif")
        ).order_by("path")[:2]
    )
    orientation = add_page(
        page, base, "orientationpage", plan.pk, "Aller vers les jeunes", "aller-vers"
    )
    assert orientation.get_parent().pk == plan.pk
    axis = add_page(
        page, base, "axispage", orientation.pk, "Être présents dans les villages", "villages"
    )
    for (title, slug), regional_axis in zip(
        [("Permanences dans les mairies", "mairies"), ("Un bus pour les rendez-vous", "bus")],
        regional_axes,
        strict=True,
    ):
        add_page(
            page, base, "actionpage", axis.pk, title, slug, {"regional_axis": regional_axis.pk}
        )
    actions = ActionPage.objects.descendant_of(plan)
    assert {a.regional_axis_id for a in actions} == {a.pk for a in regional_axes}

    page.goto(f"{base}/admin/pages/{plan.pk}/edit/")
    publish(page)
    plan = StrategyPlanPage.objects.get(pk=plan.pk)
    errors = page.locator(".error-message, .help-critical, .messages").all_inner_texts()
    assert plan.live, errors
    page.goto(f"{base}{space.url}")
    assert page.get_by_role("link", name=plan.title).is_visible()
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS_DIR / "structure-space.png", full_page=True)

    # The roll-up shows the plan in its structure's row, one action in each axis's column.
    context.clear_cookies()
    log_in(page, base, username="editeur")
    page.goto(f"{base}/projet-associatif/reseau/")
    assert_accessible(page, "la synthèse du réseau")
    assert plan.title in page.locator("table#structures").inner_text()
    matrix = page.locator("table#matrice")
    headers = matrix.locator("thead th").all_inner_texts()
    cells = matrix.get_by_role("row", name=nevers.name).locator("td").all_inner_texts()
    for regional_axis in regional_axes:
        column = headers.index(f"Axe {regional_axis.number}") - 1
        assert cells[column].startswith("1"), (headers, cells)

    # The editor of another structure can neither edit the plan nor see the reserved pages.
    context.clear_cookies()
    log_in(page, base, username=OTHER_EDITOR)
    page.goto(f"{base}/admin/pages/{plan.pk}/edit/")
    assert f"/admin/pages/{plan.pk}/edit/" not in page.url or "Publier" not in page.content()
    page.goto(f"{base}{space.url}")
    assert "Espace réservé" not in page.content()
    reserved = space.private_page.get_children().first()
    response = page.goto(f"{base}{reserved.url}")
    assert response.status == 404
    response = page.goto(f"{base}{space.private_page.url}")
    assert response.status == 404
    # Nor the structure's labelling self-assessment (labelling/demo.py wrote one).
    response = page.goto(f"{base}/labellisation/structures/{nevers.pk}/")
    assert response.status == 404
