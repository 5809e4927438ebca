"""Search analytics: what is counted, what is not, the popular queries and the editors' report."""

import csv
import datetime
import io
import re

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query

import pytest

from groups.models import Membership
from groups.services import membership_add
from home.roles import editors_group_sync
from search.analytics import count_search, popular_queries
from search.models import SearchQueryDay, SynonymGroup, synonym_table
from tests.factories import (
    ProfileFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.fakes import FakeEngine, entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine([entry(f"page:{n}", f"Insertion fiche {n}") for n in range(15)])
    monkeypatch.setattr("search.views.get_engine", lambda: fake)
    return fake


def counts(query: str) -> tuple[int, int]:
    row = SearchQueryDay.objects.get(query=query, date=timezone.localdate())
    return row.searches, row.zero_result_searches


def wagtail_hits(query: str) -> int:
    return Query.objects.get(query_string=query).hits


def test_a_search_is_counted_in_both_logs(professional_client, engine):
    professional_client.get("/recherche/", {"q": "  Insertion   FICHE "})

    assert counts("insertion fiche") == (1, 0)
    assert wagtail_hits("insertion fiche") == 1


def test_a_zero_result_search_is_counted_as_such(professional_client, engine):
    professional_client.get("/recherche/", {"q": "introuvable"})

    assert counts("introuvable") == (1, 1)


def test_a_reload_or_double_submission_counts_once(professional_client, engine):
    for _ in range(3):
        professional_client.get("/recherche/", {"q": "insertion"})
    # Refining the same words with a filter or the sort is not a new search either.
    professional_client.get("/recherche/", {"q": "insertion", "tri": "date"})

    assert counts("insertion") == (1, 0)
    assert wagtail_hits("insertion") == 1

    professional_client.get("/recherche/", {"q": "fiche"})
    professional_client.get("/recherche/", {"q": "insertion"})
    assert counts("insertion") == (2, 0)


def test_two_people_searching_the_same_words_count_twice(client, engine, professional):
    other = ProfileFactory(user=UserFactory(username="autre")).user
    for user in (professional, other):
        client.force_login(user)
        client.get("/recherche/", {"q": "insertion"})

    assert counts("insertion") == (2, 0)


def test_following_pages_and_empty_queries_are_not_counted(professional_client, engine):
    professional_client.get("/recherche/", {"q": "insertion", "page": 2})
    professional_client.get("/recherche/", {"q": ""})
    professional_client.get("/recherche/", {"q": "?!"})

    assert SearchQueryDay.objects.count() == 0
    assert Query.objects.count() == 0


def test_counting_adds_to_the_row_in_the_database(db):
    day = datetime.date(2026, 5, 4)
    count_search("cej", found=True, day=day)
    stale = SearchQueryDay.objects.get(query="cej", date=day)
    count_search("cej", found=False, day=day)
    count_search("cej", found=True, day=day)
    # A stale copy saved elsewhere would lose counts; the F() updates never read it.
    stale.refresh_from_db()
    assert (stale.searches, stale.zero_result_searches) == (3, 1)


def test_a_row_created_concurrently_is_updated_not_duplicated(db, monkeypatch):
    """Between our UPDATE (no row yet) and our INSERT, another request inserts the row."""
    day = datetime.date(2026, 5, 4)
    real_update = SearchQueryDay.objects.filter(query="cej", date=day).__class__.update
    calls = []

    def update_after_a_concurrent_insert(self, **kwargs):
        if not calls:
            calls.append(1)
            SearchQueryDay.objects.create(query="cej", date=day, searches=5)
            return 0
        return real_update(self, **kwargs)

    monkeypatch.setattr(
        SearchQueryDay.objects.none().__class__, "update", update_after_a_concurrent_insert
    )
    count_search("cej", found=True, day=day)

    row = SearchQueryDay.objects.get(query="cej", date=day)
    assert row.searches == 6


def add_days(query, searches, zero=0, days_ago=0):
    SearchQueryDay.objects.create(
        query=query,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        searches=searches,
        zero_result_searches=zero,
    )


def test_popular_queries_are_frequent_recent_and_always_found_something(db):
    add_days("mobilite", 4)
    add_days("mobilite", 3, days_ago=10)
    add_days("cej", 5)
    add_days("projet secret", 6, zero=1)  # nothing for someone: maybe private content
    add_days("vieux sujet", 50, days_ago=40)  # outside the 30 days
    add_days("une fois", 1)  # one person's query never surfaces

    assert popular_queries() == ["mobilite", "cej"]


def test_the_empty_state_offers_popular_queries(professional_client, engine):
    add_days("insertion", 5)
    add_days("introuvable", 9, zero=9)

    html = professional_client.get("/recherche/", {"q": "zzz"}).content.decode()

    assert "Recherches fréquentes" in html
    assert '<a href="/recherche/?q=insertion">insertion</a>' in html
    assert "?q=introuvable" not in html


def test_the_start_page_offers_popular_queries(professional_client, engine):
    add_days("fiche insertion", 5)
    add_days("revenu jeune", 5)  # finds nothing this user may view

    html = professional_client.get("/recherche/").content.decode()

    assert '<a href="/recherche/?q=fiche%20insertion">fiche insertion</a>' in html
    assert "revenu jeune" not in html


# The editors' report.

TOP = "/admin/reports/recherches-frequentes/"
ZERO = "/admin/reports/recherches-sans-resultat/"


@pytest.fixture
def editor(db):
    user = ProfileFactory(user=UserFactory(username="editrice")).user
    user.groups.add(editors_group_sync())
    return user


@pytest.fixture
def logged(db):
    add_days("mobilite", 4)
    add_days("mobilite", 3, zero=1, days_ago=3)
    add_days("cej", 9)
    add_days("garde enfant", 2, zero=2, days_ago=1)
    add_days("ancienne requete", 40, zero=40, days_ago=45)


def test_editors_see_the_top_queries_of_the_last_30_days(client, editor, logged):
    client.force_login(editor)

    response = client.get(TOP)

    assert response.status_code == 200
    html = re.sub(r"\s+", " ", response.content.decode())
    assert "Requêtes les plus recherchées" in html
    assert html.index("cej") < html.index("mobilite") < html.index("garde enfant")
    assert "ancienne requete" not in html


def test_the_zero_result_report_lists_only_queries_that_found_nothing(client, editor, logged):
    client.force_login(editor)

    html = client.get(ZERO).content.decode()

    assert "garde enfant" in html
    assert "mobilite" in html  # once without result, three days ago
    assert "cej" not in html


def read_csv(response):
    """The rows of a CSV download as French Excel reads it: UTF-8 with a BOM, semicolons."""
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_report_exports_csv_over_the_chosen_period(client, editor, logged):
    client.force_login(editor)
    since = timezone.localdate() - datetime.timedelta(days=50)

    response = client.get(TOP, {"export": "csv", "date_from": since.isoformat()})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "recherches-frequentes-" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == ["Requête", "Recherches", "Recherches sans résultat"]
    assert rows[1:] == [
        ["ancienne requete", "40", "40"],
        ["cej", "9", "0"],
        ["mobilite", "7", "1"],
        ["garde enfant", "2", "2"],
    ]


def test_the_period_filter_narrows_the_report(client, editor, logged):
    client.force_login(editor)
    today = timezone.localdate()

    response = client.get(
        ZERO,
        {
            "export": "csv",
            "date_from": (today - datetime.timedelta(days=2)).isoformat(),
            "date_to": today.isoformat(),
        },
    )

    rows = read_csv(response)
    assert rows[1:] == [["garde enfant", "2", "2"]]


def test_a_professional_cannot_read_the_report(professional_client, logged):
    response = professional_client.get(TOP)

    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_a_group_lead_with_admin_access_is_turned_away(client, home_page, logged):
    """Group leads may enter the admin (their group's pages), not read what people search."""
    lead = ProfileFactory(user=UserFactory(username="animatrice")).user
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=index, title="GT Mobilité", slug="gt-mobilite")
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    client.force_login(lead)
    assert client.get("/admin/").status_code == 200

    # Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard.
    for response in (client.get(TOP), client.get(ZERO, {"export": "csv"})):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert b"mobilite" not in response.content
    assert "recherches-frequentes" not in client.get("/admin/").content.decode()


def test_the_report_is_in_the_reports_menu_for_editors(client, editor):
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "recherches-frequentes" in html
    assert "recherches-sans-resultat" in html


def test_editors_manage_synonyms_as_a_snippet(client, editor):
    client.force_login(editor)

    listing = client.get("/admin/snippets/search/synonymgroup/")
    assert listing.status_code == 200
    assert "Synonymes" in listing.content.decode()
    response = client.post(
        "/admin/snippets/search/synonymgroup/add/",
        {"expressions": "CEJ\nContrat d'Engagement Jeune"},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.get().expression_list == ["CEJ", "Contrat d'Engagement Jeune"]
    assert len(synonym_table().groups) == 1


def test_a_professional_cannot_manage_synonyms(professional_client):
    assert professional_client.get("/admin/snippets/search/synonymgroup/").status_code == 302
