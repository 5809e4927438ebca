"""The PDFs of a plan and of an action sheet: what they contain (read back with pypdf), their
frame (network's name, date, page numbers, title, language, tags) and who gets them."""

import io
import re

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from home.models import SiteIdentitySettings
from strategy.models import ActionPage, AxisPage, OrientationPage, StrategyPlanPage
from tests.factories import UserFactory

from .plans import add_indicator, build_plan
from .test_importer import apply_import

pytestmark = pytest.mark.django_db

NETWORK = "Association Régionale des Missions Locales BFC"


@pytest.fixture(autouse=True)
def network_name(home_page):
    identity = SiteIdentitySettings.for_site(home_page.get_site())
    identity.organisation_name = NETWORK
    identity.save()


def pdf_of(response) -> PdfReader:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def words(reader: PdfReader) -> str:
    """The text of every page with its line breaks and spacing folded: a long title wraps."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_of_the_imported_seed_plan_holds_every_orientation_axis_action_and_indicator(
    home_page, seed_path, professional_client
):
    apply_import(seed_path)
    plan = StrategyPlanPage.objects.get()
    actions = list(ActionPage.objects.order_by("path"))
    for action in actions:
        add_indicator(action, {2024: 3, 2025: 5}, name=f"Indicateur de l'action {action.number}")

    reader = pdf_of(professional_client.get(plan.url + "pdf/"))
    text = words(reader)

    expected = [
        *(f"Orientation {o.number} : {o.title}" for o in OrientationPage.objects.all()),
        *(f"Axe {a.number} : {a.title}" for a in AxisPage.objects.all()),
        *(f"{a.number} {a.title}" for a in actions),
        *(f"Indicateur de l'action {a.number}" for a in actions),
    ]
    assert len(expected) == 4 + 10 + 24 + 24
    missing = [item for item in expected if " ".join(item.split()) not in text]
    assert not missing
    assert len(reader.pages) > 1


def test_every_page_of_the_pdf_has_the_network_the_date_and_its_number(
    home_page, professional_client
):
    plan, *_ = build_plan(home_page, extra_actions=12)
    reader = pdf_of(professional_client.get(plan.url + "pdf/"))
    total = len(reader.pages)
    assert total > 1
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert NETWORK in text
        assert re.search(r"\d{1,2} \w+ 20\d\d", text), text[:200]
        assert f"Page {number} / {total}" in text


def test_the_pdf_is_tagged_titled_and_in_french(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    response = professional_client.get(plan.url + "pdf/")
    reader = pdf_of(response)
    root = reader.trailer["/Root"]
    assert reader.metadata.title == plan.title
    assert reader.metadata.author == NETWORK
    assert root["/Lang"] == "fr"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert 'filename="projet-associatif-2024-2027.pdf"' in response["Content-Disposition"]


def test_the_plan_pdf_follows_the_plan_filters(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    text = words(pdf_of(professional_client.get(plan.url + "pdf/?statut=done")))
    assert "1.1 Séminaires" in text
    assert "1.2 Parrainage" not in text


def test_an_action_sheet_pdf_has_its_facts_and_indicators(home_page, professional_client):
    _plan, actions, _indicator = build_plan(home_page)
    text = words(pdf_of(professional_client.get(actions["1.2"].url + "pdf/")))
    assert "Action 1.2" in text
    assert "Parrainage" in text
    assert "Parrainages conclus" in text
    assert NETWORK in text
    assert "Page 1 / 1" in text


def test_the_pages_offer_the_download(home_page, professional_client):
    plan, actions, _indicator = build_plan(home_page)
    plan_page = professional_client.get(plan.url + "?statut=done").content.decode()
    assert f'href="{plan.url}pdf/?statut=done"' in plan_page
    action_page = professional_client.get(actions["1.1"].url).content.decode()
    assert f'href="{actions["1.1"].url}pdf/"' in action_page


@pytest.fixture
def restricted(home_page):
    """The plan, its action 1.2 reserved to a group, and a reader outside that group."""
    plan, actions, _indicator = build_plan(home_page)
    group = Group.objects.create(name="Comité de pilotage")
    restriction = PageViewRestriction.objects.create(
        page=actions["1.2"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return plan, actions, group


def test_private_content_is_absent_from_the_pdf_of_a_non_member(restricted, client):
    plan, actions, group = restricted
    client.force_login(UserFactory())

    text = words(pdf_of(client.get(plan.url + "pdf/")))
    assert "1.1 Séminaires" in text
    assert "Parrainage" not in text  # the action and its indicator "Parrainages conclus"
    assert client.get(actions["1.2"].url + "pdf/").status_code == 404


def test_a_member_gets_the_private_action_in_both_pdfs(restricted, client):
    plan, actions, group = restricted
    member = UserFactory()
    member.groups.add(group)
    client.force_login(member)

    assert "1.2 Parrainage" in words(pdf_of(client.get(plan.url + "pdf/")))
    assert "Parrainages conclus" in words(pdf_of(client.get(actions["1.2"].url + "pdf/")))


def test_a_private_plan_pdf_is_not_found_for_a_non_member(restricted, client):
    plan, _actions, group = restricted
    PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.GROUPS
    ).groups.add(group)
    client.force_login(UserFactory())
    assert client.get(plan.url + "pdf/").status_code == 404


def test_an_anonymous_visitor_gets_no_pdf(home_page, client):
    plan, actions, _indicator = build_plan(home_page)
    for url in (plan.url + "pdf/", actions["1.1"].url + "pdf/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")
