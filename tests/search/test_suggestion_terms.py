"""The suggestion terms (`search.models.SuggestionTerm`): written with each entry, gone with
it, and the only thing the database engine's suggestions read."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from groups.models import Membership
from groups.services import membership_add
from search import sources
from search.engines.base import Choice, IndexEntry
from search.engines.database import DatabaseEngine
from search.engines.suggestions import TERM_LENGTH
from search.models import SearchEntry, SuggestionTerm
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.search.corpus import person

RESOURCE = Choice("resource", "Ressource")


def resource(number: int, title: str, **kwargs) -> IndexEntry:
    return IndexEntry(
        key=f"page:{number}", kind=RESOURCE, title=title, url=f"/r/{number}/", **kwargs
    )


def terms(key: str) -> dict[str, float]:
    return dict(
        SuggestionTerm.objects.filter(entry__key=key).values_list("term", "weight").order_by()
    )


def labels(engine, prefix, user, limit=8) -> list[str]:
    return [suggestion.label for suggestion in engine.autocomplete(prefix, user, limit)]


@pytest.fixture
def engine():
    return DatabaseEngine()


@pytest.fixture
def reader(db):
    return person("lectrice")


@pytest.mark.django_db
class TestTheTable:
    def test_indexing_writes_each_folded_word_once(self, engine):
        engine.index(
            [
                resource(
                    1,
                    "Éducation populaire et éducation",
                    autocomplete=("Mission locale de Dijon",),
                )
            ]
        )
        written = terms("page:1")
        assert set(written) == {"education", "populaire", "et", "mission", "locale", "de", "dijon"}
        # The title's first word, then the title's others, then the extra words.
        assert written["education"] > written["populaire"] > written["mission"]
        assert written["populaire"] == written["et"]

    def test_weight_follows_the_entry_boost(self, engine):
        engine.index(
            [
                resource(1, "Guide ancien", date=datetime.date(2000, 1, 1)),
                resource(2, "Guide récent", date=datetime.date.today(), popularity=500),
            ]
        )
        assert terms("page:2")["guide"] > terms("page:1")["guide"]

    def test_reindexing_replaces_the_words(self, engine):
        engine.index([resource(1, "Guide du logement")])
        engine.index([resource(1, "Guide de la mobilité")])
        assert set(terms("page:1")) == {"guide", "de", "la", "mobilite"}
        assert SuggestionTerm.objects.count() == 4

    def test_deleting_removes_the_words(self, engine):
        engine.index([resource(1, "Guide du logement"), resource(2, "Logement des jeunes")])
        engine.delete(["page:1"])
        assert terms("page:1") == {}
        assert set(terms("page:2")) == {"logement", "des", "jeunes"}

    def test_a_rebuild_rewrites_every_word(self, engine):
        engine.index([resource(999, "Ancienne entrée")])
        entries = [resource(number, f"Fiche {number} insertion") for number in range(1, 450)]
        engine.rebuild(entries, len(entries), lambda done: None)
        assert terms("page:999") == {}
        assert SuggestionTerm.objects.count() == 449 * 3
        assert SuggestionTerm.objects.values("entry").distinct().count() == 449

    def test_a_very_long_word_is_cut(self, engine):
        engine.index([resource(1, "a" * 300)])
        assert list(terms("page:1")) == ["a" * TERM_LENGTH]
        assert labels(engine, "a" * 200, None) == ["a" * 300]


@pytest.mark.django_db
class TestSuggestions:
    @pytest.fixture(autouse=True)
    def entries(self, engine):
        engine.index(
            [
                resource(1, "Éducation populaire"),
                resource(2, "L'éducation des jeunes"),
                resource(3, "Permis de conduire"),
                resource(4, "Permis de construire"),
                resource(5, "Jeunes et jeunesse"),
                resource(6, "100% réussite_scolaire"),
                resource(7, "Paul Durand", autocomplete=("Mission locale",)),
            ]
        )

    @pytest.mark.parametrize("prefix", ["éduc", "EDUC", "educ", "Éduc", "« éduc »", "éduc%"])
    def test_accents_and_case_are_folded(self, engine, reader, prefix):
        assert labels(engine, prefix, reader) == ["Éducation populaire", "L'éducation des jeunes"]

    def test_an_elided_article_is_a_word_as_before(self, engine, reader):
        assert labels(engine, "l'éduc", reader) == ["L'éducation des jeunes"]

    def test_a_title_starting_with_the_prefix_comes_first(self, engine, reader):
        assert labels(engine, "jeun", reader) == ["Jeunes et jeunesse", "L'éducation des jeunes"]

    def test_each_title_once(self, engine, reader):
        found = labels(engine, "jeunes", reader)
        assert found.count("Jeunes et jeunesse") == 1

    def test_several_words_the_last_as_a_prefix(self, engine, reader):
        assert labels(engine, "permis de co", reader) == [
            "Permis de conduire",
            "Permis de construire",
        ]
        assert labels(engine, "permis de cond", reader) == ["Permis de conduire"]
        assert labels(engine, "de permis cons", reader) == ["Permis de construire"]
        assert labels(engine, "perm de co", reader) == []

    def test_extra_words_find_the_entry(self, engine, reader):
        assert labels(engine, "mission loc", reader) == ["Paul Durand"]

    @pytest.mark.parametrize(
        "prefix", ["", "%", "_", "%%", "'", '"', "''", "\\", "%ducation", "_ducation"]
    )
    def test_wildcards_and_quotes_find_nothing(self, engine, reader, prefix):
        assert labels(engine, prefix, reader) == []

    def test_wildcards_are_not_wildcards(self, engine, reader):
        # "100% réussite_scolaire" is the words 100, reussite, scolaire.
        assert labels(engine, "10", reader) == ["100% réussite_scolaire"]
        assert labels(engine, "100%", reader) == ["100% réussite_scolaire"]
        assert labels(engine, "réussite_sco", reader) == ["100% réussite_scolaire"]
        assert labels(engine, "r%ussite", reader) == []

    @pytest.mark.parametrize("prefix", ["e", "é", "z" * 200, "é" * 200, "\x00", "🎉"])
    def test_odd_lengths_give_a_clean_answer(self, engine, reader, prefix):
        assert isinstance(labels(engine, prefix, reader), list)

    def test_the_limit(self, engine, reader):
        engine.index([resource(100 + n, f"Atelier {n}") for n in range(20)])
        found = labels(engine, "atel", reader, limit=8)
        assert len(found) == len(set(found)) == 8

    def test_a_constant_number_of_queries(self, engine, reader):
        engine.index([resource(100 + n, f"Atelier {n}") for n in range(50)])
        engine.autocomplete("atel", reader)  # restrictions cached, as usual
        with CaptureQueriesContext(connection) as one:
            assert len(engine.autocomplete("popul", reader)) == 1
        with CaptureQueriesContext(connection) as many:
            assert len(engine.autocomplete("atel", reader)) == 8
        with CaptureQueriesContext(connection) as words:
            assert len(engine.autocomplete("permis de co", reader)) == 2
        assert len(one) == len(many) == len(words) == 1


@pytest.fixture
def private_group(home_page):
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=groups, title="Cercle restreint", visibility="members")
    membership_add(group=group, user=person("animatrice"), role=Membership.Role.LEAD)
    group.refresh_from_db()
    return group


@pytest.mark.django_db
def test_private_titles_are_only_suggested_to_members(home_page, private_group, engine):
    NetworkDirectoryPageFactory(parent=home_page)
    library = ResourceIndexPageFactory(parent=private_group)
    ResourcePageFactory(parent=library, title="Cérémonie confidentielle")
    ResourcePageFactory(parent=home_page, title="Cérémonie publique")
    outsider, member = person("exterieur"), person("membre")
    membership_add(group=private_group, user=member)
    assert PageViewRestriction.objects.exists()
    engine.rebuild(sources.all_entries(), sources.all_entries_count(), lambda done: None)
    # The private words are in the table: only the permission filter hides them.
    assert SuggestionTerm.objects.filter(term="confidentielle").exists()
    assert SuggestionTerm.objects.filter(term="cercle").exists()

    assert labels(engine, "cérém", outsider) == ["Cérémonie publique"]
    assert labels(engine, "cercle", outsider) == []
    assert labels(engine, "ceremonie conf", outsider) == []
    assert sorted(labels(engine, "cérém", member)) == [
        "Cérémonie confidentielle",
        "Cérémonie publique",
    ]
    assert labels(engine, "ceremonie conf", member) == ["Cérémonie confidentielle"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_and_unpublishing_fill_and_empty_the_table_on_commit(home_page, engine):
    NetworkDirectoryPageFactory(parent=home_page)
    library = ResourceIndexPageFactory(parent=home_page)
    reader = person("lectrice")
    page = ResourcePageFactory(parent=library, title="Covoiturage solidaire", live=False)
    key = f"page:{page.pk}"
    assert terms(key) == {}

    page.save_revision().publish()
    assert set(terms(key)) == {"covoiturage", "solidaire"}
    assert labels(engine, "covoit", reader) == ["Covoiturage solidaire"]

    page.refresh_from_db()
    page.unpublish()
    assert not SearchEntry.objects.filter(key=key).exists()
    assert terms(key) == {}
    assert labels(engine, "covoit", reader) == []


@pytest.mark.django_db
def test_the_endpoint_asks_as_many_queries_for_one_suggestion_as_for_eight(
    professional_client, engine
):
    engine.index([resource(n, f"Atelier {n}") for n in range(1, 40)])
    engine.index([resource(99, "Éducation populaire")])
    url = "/recherche/suggestions/"
    professional_client.get(url, {"q": "atel"})  # session, user and restrictions warm
    with CaptureQueriesContext(connection) as one:
        response = professional_client.get(url, {"q": "éduc"})
    assert [s["label"] for s in response.json()["suggestions"]] == ["Éducation populaire"]
    with CaptureQueriesContext(connection) as eight:
        response = professional_client.get(url, {"q": "atel"})
    assert len(response.json()["suggestions"]) == 8
    assert len(one) == len(eight)
