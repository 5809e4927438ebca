"""Editors' picks (Wagtail search promotions): first, once, and only when the user may view."""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from groups.models import Membership
from groups.services import membership_add
from tests.factories import (
    ContentPageFactory,
    NewsPageFactory,
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.fakes import FakeEngine, entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, news_index, event_index):
    guide = ContentPageFactory(parent=home_page, title="Le CEJ en pratique", slug="cej-pratique")
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(
        parent=index, title="Référents CEJ", slug="referents-cej", visibility="members"
    )
    member = ProfileFactory(user=UserFactory(username="membre-cej")).user
    membership_add(group=group, user=member, role=Membership.Role.LEAD)
    secret = NewsPageFactory(parent=group, title="Bilan confidentiel du CEJ")
    query = Query.get("CEJ")
    SearchPromotion.objects.create(
        query=query, page=guide, sort_order=0, description="La fiche de référence."
    )
    SearchPromotion.objects.create(query=query, page=secret, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://travail-emploi.gouv.fr/cej",
        external_link_text="Le CEJ sur le site du ministère",
        sort_order=2,
    )
    return {"guide": guide, "secret": secret, "member": member}


@pytest.fixture
def engine(monkeypatch, pages):
    fake = FakeEngine(
        [
            entry(f"page:{pages['guide'].pk}", "Le CEJ en pratique", url=pages["guide"].url),
            entry("page:900", "Signer un CEJ", body="Le contrat CEJ."),
        ]
    )
    monkeypatch.setattr("search.views.get_engine", lambda: fake)
    return fake


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_picks_come_first_and_are_not_repeated_in_the_hits(professional_client, engine, pages):
    html = text(professional_client.get("/recherche/", {"q": "  cej "}))

    picks_at = html.index("Recommandé par l’équipe éditoriale")
    hits_at = html.index('<ol class="search-results"')
    assert picks_at < hits_at
    picks = html[picks_at:hits_at]
    assert f'<a href="{pages["guide"].url}">Le CEJ en pratique</a>' in picks
    assert "La fiche de référence." in picks
    assert '<a href="https://travail-emploi.gouv.fr/cej">Le CEJ sur le site du ministère</a>' in (
        picks
    )
    hits = html[hits_at:]
    assert "Le CEJ en pratique" not in hits
    assert "Signer un <mark>CEJ</mark>" in hits


def test_a_pick_in_a_members_only_group_is_hidden_from_others(professional_client, engine, pages):
    html = text(professional_client.get("/recherche/", {"q": "CEJ"}))

    assert "Bilan confidentiel" not in html
    assert pages["secret"].url not in html


def test_a_member_sees_the_group_pick(client, engine, pages):
    client.force_login(pages["member"])

    html = text(client.get("/recherche/", {"q": "CEJ"}))

    assert f'<a href="{pages["secret"].url}">Bilan confidentiel du CEJ</a>' in html


def test_picks_are_on_the_first_page_only(professional_client, monkeypatch, pages):
    fake = FakeEngine([entry(f"page:{900 + n}", f"Fiche CEJ {n}") for n in range(15)])
    monkeypatch.setattr("search.views.get_engine", lambda: fake)

    html = text(professional_client.get("/recherche/", {"q": "CEJ", "page": 2}))

    assert "page 2 sur 2" in html
    assert "Recommandé par l’équipe éditoriale" not in html


def test_a_pick_counts_as_a_result_when_the_engine_finds_nothing(
    professional_client, monkeypatch, pages
):
    monkeypatch.setattr("search.views.get_engine", lambda: FakeEngine([]))

    html = text(professional_client.get("/recherche/", {"q": "CEJ"}))

    assert "Le CEJ en pratique" in html
    assert "Aucun résultat pour" not in html
