"""The search page and the suggestions against the real database engine: a members-only
group's document is invisible to a non-member (no hit, no count, no facet, no suggestion) and
found by a member."""

import re

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from groups.models import Membership
from groups.services import membership_add
from search import sources
from search.engines.database import DatabaseEngine
from tests.factories import (
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Compte rendu Zorglub des référents"


@pytest.fixture
def private_group(home_page, news_index, event_index):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(
        parent=index, title="Référents Justice", slug="referents-justice", visibility="members"
    )
    member = ProfileFactory(user=UserFactory(username="membre")).user
    membership_add(group=group, user=member, role=Membership.Role.LEAD)
    document = get_document_model()(
        title=SECRET_TITLE,
        file=ContentFile(b"contenu confidentiel", name="zorglub.txt"),
        collection=group.collection,
    )
    document.save()
    # A network-wide document with the same word, so the page is not empty for everyone.
    get_document_model()(
        title="Zorglub pour tous", file=ContentFile(b"ouvert", name="ouvert.txt")
    ).save()
    DatabaseEngine().rebuild(sources.all_entries(), sources.all_entries_count(), lambda done: None)
    group.member = member
    group.document = document
    return group


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_non_member_gets_nothing_of_the_private_document(professional_client, private_group):
    response = professional_client.get("/recherche/", {"q": "zorglub referents"})

    assert response.status_code == 200
    html = text(response)
    assert "Aucun résultat pour « zorglub referents »." in html
    assert "Compte rendu" not in html
    assert "Référents Justice" not in html
    assert f'value="{private_group.pk}"' not in html


def test_a_non_member_sees_no_facet_count_for_the_group(professional_client, private_group):
    html = text(professional_client.get("/recherche/", {"q": "zorglub"}))

    assert re.search(r'role="status"[^>]*> 1 résultat en \d+ ms', html)
    assert "<mark>Zorglub</mark> pour tous" in html
    assert "Référents Justice" not in html
    assert 'name="groupe"' not in html


def test_a_member_finds_the_document_and_its_group_facet(client, private_group):
    client.force_login(private_group.member)

    html = text(client.get("/recherche/", {"q": "zorglub"}))

    assert re.search(r'role="status"[^>]*> 2 résultats en \d+ ms', html)
    assert "Compte rendu <mark>Zorglub</mark> des référents" in html
    assert re.search(
        rf'name="groupe" value="{private_group.pk}"> <label [^>]*>Référents Justice '
        r'<span class="facet__count">\(1',
        html,
    )


def test_a_member_filters_on_the_group(client, private_group):
    client.force_login(private_group.member)

    html = text(client.get("/recherche/", {"q": "zorglub", "groupe": str(private_group.pk)}))

    assert re.search(r'role="status"[^>]*> 1 résultat en \d+ ms', html)
    assert "Compte rendu <mark>Zorglub</mark> des référents" in html


def test_suggestions_hide_the_private_document_from_a_non_member(
    professional_client, private_group
):
    labels = [
        s["label"]
        for s in professional_client.get("/recherche/suggestions/", {"q": "zorgl"}).json()[
            "suggestions"
        ]
    ]

    assert labels == ["Zorglub pour tous"]


def test_suggestions_offer_the_private_document_to_a_member(client, private_group):
    client.force_login(private_group.member)

    suggestions = client.get("/recherche/suggestions/", {"q": "zorgl"}).json()["suggestions"]

    assert {s["label"] for s in suggestions} == {SECRET_TITLE, "Zorglub pour tous"}
    secret = next(s for s in suggestions if s["label"] == SECRET_TITLE)
    assert secret["url"] == private_group.document.url
    assert secret["kind"] == "Document"


@pytest.mark.parametrize(
    "query",
    ["", "x" * 10_000, "!!!", '"zorglub', '" * OR NEAR : \\', "zorglub 🎉", "zorglub\x00"],
)
def test_odd_input_against_the_real_engine(professional_client, private_group, query):
    response = professional_client.get("/recherche/", {"q": query})

    assert response.status_code == 200
    assert "Compte rendu" not in text(response)


@pytest.mark.parametrize("query", ["zo", '" * OR NEAR : \\', "zorglub\x00", "🎉🎉", "x" * 10_000])
def test_odd_suggestions_against_the_real_engine(professional_client, private_group, query):
    response = professional_client.get("/recherche/suggestions/", {"q": query})

    assert response.status_code == 200
    assert SECRET_TITLE not in [s["label"] for s in response.json()["suggestions"]]


def test_a_page_beyond_the_last_against_the_real_engine(professional_client, private_group):
    response = professional_client.get("/recherche/", {"q": "zorglub", "page": 50})

    assert response.status_code == 200
    assert "Zorglub</mark> pour tous" in text(response)
