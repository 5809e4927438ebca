"""The behaviour every search engine shares, run against each engine by subclassing
`EngineBehaviour` with an `engine` fixture (tests/search/test_database_engine.py; the
Elasticsearch engine runs it against a live cluster). The corpus is a real site
(tests/search/corpus.py) indexed through `search.sources`, as in production.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction

import pytest

from home.models import HomePage
from search import sources
from search.engines.base import SearchRequest
from search.models import synonym_table
from search.query import parse
from tests.search.corpus import (
    PDF_ONLY_WORD,
    PRIVATE_BODY_WORD,
    PRIVATE_DOCUMENT_TITLE,
    PRIVATE_FILE_WORD,
    build_corpus,
)

ODD_INPUTS = [
    "",
    "   ",
    "formation " * 1000,
    "!!! ... ;;; ---",
    "\"contrat d'engagement",
    '" * OR NEAR : \\',
    "title:guide AND body:*",
    "NEAR(formation jeune, 2)",
    "😀 🚀",
    "formation\x00jeune",
    "%_ ' \" -- /* */ DROP TABLE",
]


def key(page) -> str:
    return f"page:{page.pk}"


class EngineBehaviour:
    """Subclasses provide the `engine` fixture."""

    @pytest.fixture
    def engine(self):
        raise NotImplementedError

    @pytest.fixture(scope="class")
    @classmethod
    def site(cls, django_db_setup, django_db_blocker):
        """The corpus, built once per class (PDFs are extracted, groups synced: slow) in a
        transaction rolled back after the class; each test runs in a savepoint inside it."""
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                cache.clear()
                yield build_corpus(HomePage.objects.get())
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                cache.clear()

    @pytest.fixture
    def corpus(self, engine, site, db):
        engine.rebuild(sources.all_entries(), sources.all_entries_count(), lambda done: None)
        return site

    @pytest.fixture
    def outsider(self, corpus):
        return corpus.users["outsider"]

    @pytest.fixture
    def member(self, corpus):
        return corpus.users["member"]

    def search(self, engine, user, text, **kwargs):
        request = SearchRequest(query=parse(text, synonym_table()), **kwargs)
        return engine.search(request, user)

    def keys(self, engine, user, text, **kwargs) -> list[str]:
        return [hit.key for hit in self.search(engine, user, text, **kwargs).hits]

    # French -----------------------------------------------------------------------------

    @pytest.mark.parametrize("text", ["equipe", "ÉQUIPE", "équipes"])
    def test_accents_and_case_are_ignored(self, engine, corpus, outsider, text):
        assert self.keys(engine, outsider, text) == [key(corpus.pages["equipe"])]

    def test_unaccented_query_finds_accented_word(self, engine, corpus, outsider):
        assert self.keys(engine, outsider, "Securite") == [key(corpus.pages["securite"])]

    def test_plural_finds_singular(self, engine, corpus, outsider):
        assert key(corpus.pages["formation"]) in self.keys(engine, outsider, "formations")

    def test_missions_finds_mission(self, engine, corpus, outsider):
        assert key(corpus.pages["mission"]) in self.keys(engine, outsider, "missions")

    def test_elided_article_is_ignored(self, engine, corpus, outsider):
        # (people whose job title says "insertion" are found too: only resources here)
        found = self.keys(engine, outsider, "l'insertion", filters={"kind": ("resource",)})
        assert found == [key(corpus.pages["insertion"])]

    def test_d_emploi_finds_emploi(self, engine, corpus, outsider):
        assert self.keys(engine, outsider, "d'emploi") == [key(corpus.pages["emploi"])]

    def test_acronym_finds_its_expansion(self, engine, corpus, outsider):
        found = set(self.keys(engine, outsider, "CEJ"))
        assert found == {key(corpus.pages["cej_acronym"]), key(corpus.pages["cej_words"])}

    def test_expansion_finds_the_acronym(self, engine, corpus, outsider):
        found = set(self.keys(engine, outsider, "contrat d'engagement jeune"))
        assert found == {key(corpus.pages["cej_acronym"]), key(corpus.pages["cej_words"])}

    @pytest.mark.parametrize("acronym,page", [("PRF", "prf"), ("ML", "ml"), ("FT", "ft")])
    def test_editors_synonyms(self, engine, corpus, outsider, acronym, page):
        assert key(corpus.pages[page]) in self.keys(engine, outsider, acronym, per_page=50)

    def test_phrase_in_quotes_needs_the_words_in_order(self, engine, corpus, outsider):
        loose = set(self.keys(engine, outsider, "engagement jeune"))
        phrase = self.keys(engine, outsider, '"engagement jeune"')
        assert key(corpus.pages["jeune_engagement"]) in loose
        assert phrase == [key(corpus.pages["cej_words"])]

    def test_minus_excludes_a_word(self, engine, corpus, outsider):
        found = set(self.keys(engine, outsider, "atelier -numérique", per_page=50))
        assert key(corpus.pages["script"]) in found
        assert key(corpus.pages["securite"]) in found
        assert not {key(corpus.pages[f"atelier_{year}"]) for year in (2019, 2022, 2025)} & found

    def test_title_outranks_body(self, engine, corpus, outsider):
        assert self.keys(engine, outsider, "passerelle") == [
            key(corpus.pages["title_word"]),
            key(corpus.pages["body_word"]),
        ]

    def test_word_only_inside_a_pdf(self, engine, corpus, outsider):
        results = self.search(engine, outsider, PDF_ONLY_WORD)
        assert [hit.key for hit in results.hits] == [key(corpus.pages["pdf"])]
        assert f"<mark>{PDF_ONLY_WORD}</mark>" in results.hits[0].snippet

    # Results ----------------------------------------------------------------------------

    def test_hit_shows_what_the_result_page_needs(self, engine, corpus, outsider):
        hit = self.search(engine, outsider, "catalogue").hits[0]
        assert hit.url == corpus.pages["formation"].url
        assert hit.kind.label == "Ressource"
        assert {t.label for t in hit.thematics} == {"Emploi", "Santé"}
        assert hit.resource_type.label == "Guide"
        assert hit.structure.label == "Mission Locale de Dijon"
        assert hit.date.year == 2023

    def test_pdf_resource_shows_format_and_size(self, engine, corpus, outsider):
        hit = self.search(engine, outsider, PDF_ONLY_WORD).hits[0]
        assert hit.file_format == "PDF"
        assert hit.file_size > 0

    def test_title_is_escaped_and_marked(self, engine, corpus, outsider):
        hit = self.search(engine, outsider, "atelier cuisine").hits[0]
        assert "<script>" not in hit.title
        assert "&lt;script&gt;" in hit.title
        assert "<mark>Atelier</mark> <mark>cuisine</mark>" in hit.title

    def test_snippet_is_escaped_and_marked(self, engine, corpus, outsider):
        snippet = self.search(engine, outsider, "recette").hits[0].snippet
        assert "<mark>Recette</mark> &amp; astuces" in snippet
        assert "<b>" not in snippet

    # Facets, sort, pagination -----------------------------------------------------------

    def counts(self, results, facet) -> dict[str, int]:
        return {count.label: count.count for count in results.facets.get(facet, [])}

    def test_facet_counts(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "thématique")
        assert results.total == 4
        assert self.counts(results, "thematic") == {"Emploi": 3, "Santé": 2}
        assert self.counts(results, "resource_type") == {"Guide": 2, "Fiche pratique": 2}
        assert self.counts(results, "structure") == {"Mission Locale de Dijon": 1}
        assert self.counts(results, "year") == {"2021": 1, "2022": 1, "2023": 1, "2024": 1}
        assert self.counts(results, "kind") == {"Ressource": 4}

    def test_facet_filter_keeps_other_values_of_its_own_facet(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "thématique", filters={"thematic": ("emploi",)})
        assert results.total == 3
        # Multi-select: the thematic facet still counts Santé, to add it to the selection.
        assert self.counts(results, "thematic") == {"Emploi": 3, "Santé": 2}
        assert self.counts(results, "resource_type") == {"Guide": 2, "Fiche pratique": 1}
        selected = [c.value for c in results.facets["thematic"] if c.selected]
        assert selected == ["emploi"]

    def test_values_of_one_facet_are_or_ed(self, engine, corpus, outsider):
        filters = {"thematic": ("emploi", "sante")}
        assert self.search(engine, outsider, "thématique", filters=filters).total == 4

    def test_facets_are_and_ed(self, engine, corpus, outsider):
        filters = {"thematic": ("emploi",), "resource_type": ("guide",)}
        results = self.search(engine, outsider, "thématique", filters=filters)
        assert results.total == 2
        assert self.counts(results, "thematic") == {"Emploi": 2, "Santé": 1}
        assert {hit.key for hit in results.hits} == {
            key(corpus.pages["equipe"]),
            key(corpus.pages["formation"]),
        }

    def test_kind_facet(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "réseau", filters={"kind": ("news",)})
        assert [hit.key for hit in results.hits] == [key(corpus.pages["news"])]
        counts = self.counts(results, "kind")
        assert counts["Ressource"] == 4
        assert counts["Actualité"] == 1

    def test_sort_by_date(self, engine, corpus, outsider):
        found = self.keys(engine, outsider, "atelier numérique", sort="date")
        assert found == [key(corpus.pages[f"atelier_{year}"]) for year in (2025, 2022, 2019)]

    def test_pagination(self, engine, corpus, outsider):
        second = self.search(engine, outsider, "atelier numérique", sort="date", page=2, per_page=2)
        assert [hit.key for hit in second.hits] == [key(corpus.pages["atelier_2019"])]
        assert (second.total, second.num_pages, second.page) == (3, 2, 2)

    def test_page_beyond_the_last(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "atelier numérique", page=99, per_page=2)
        assert results.hits == []
        assert results.total == 3

    # Odd input --------------------------------------------------------------------------

    @pytest.mark.parametrize("text", ODD_INPUTS)
    def test_odd_input_never_errors(self, engine, corpus, outsider, text):
        results = self.search(engine, outsider, text)
        assert results.total >= 0
        assert len(results.hits) <= results.per_page
        assert isinstance(engine.autocomplete(text, outsider), list)

    def test_empty_query_finds_nothing(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "")
        assert (results.total, results.hits) == (0, [])

    # Autocomplete -----------------------------------------------------------------------

    def test_autocomplete_on_a_prefix(self, engine, corpus, outsider):
        labels = [s.label for s in engine.autocomplete("passer", outsider)]
        assert labels == ["Passerelle vers l'alternance"]

    def test_autocomplete_ignores_accents(self, engine, corpus, outsider):
        suggestions = engine.autocomplete("prev", outsider)
        assert [s.url for s in suggestions] == [corpus.pages["securite"].url]

    def test_autocomplete_finds_people(self, engine, corpus, outsider):
        suggestions = engine.autocomplete("paul dur", outsider)
        assert [(s.label, s.kind.label) for s in suggestions] == [("Paul Durand", "Personne")]

    # Permissions ------------------------------------------------------------------------

    PRIVATE_QUERIES = [PRIVATE_DOCUMENT_TITLE, PRIVATE_BODY_WORD, PRIVATE_FILE_WORD]

    @pytest.mark.parametrize("text", PRIVATE_QUERIES)
    def test_non_member_gets_nothing_of_a_private_group(self, engine, corpus, outsider, text):
        results = self.search(engine, outsider, text)
        assert (results.total, results.hits) == (0, [])
        assert all(not counts for counts in results.facets.values())
        assert results.suggestion == ""

    @pytest.mark.parametrize("text", PRIVATE_QUERIES)
    def test_member_finds_the_private_group_content(self, engine, corpus, member, text):
        results = self.search(engine, member, text)
        assert results.total == 1
        assert self.counts(results, "group") == {"Cercle restreint": 1}

    def test_private_document_is_found_by_its_title_by_members(self, engine, corpus, member):
        hit = self.search(engine, member, PRIVATE_DOCUMENT_TITLE).hits[0]
        assert hit.key == f"document:{corpus.documents['private'].pk}"
        assert hit.kind.label == "Document"

    def test_private_file_word_finds_the_private_resource(self, engine, corpus, member):
        found = self.keys(engine, member, PRIVATE_FILE_WORD)
        assert found == [key(corpus.pages["private_resource"])]

    @pytest.mark.parametrize("prefix", ["Bilan confid", "Note interne", "Réunion du cer", "cercle"])
    def test_no_private_autocomplete_for_non_members(self, engine, corpus, outsider, prefix):
        assert engine.autocomplete(prefix, outsider) == []

    def test_private_autocomplete_for_members(self, engine, corpus, member):
        labels = [s.label for s in engine.autocomplete("Bilan confid", member)]
        assert labels == [PRIVATE_DOCUMENT_TITLE]

    def test_page_under_a_group_restriction(self, engine, corpus, outsider, member):
        meeting = key(corpus.pages["private_meeting"])
        assert self.keys(engine, outsider, "réunion cercle") == []
        assert self.keys(engine, member, "réunion cercle") == [meeting]

    def test_anonymous_sees_nothing_private(self, engine, corpus):
        for text in self.PRIVATE_QUERIES:
            assert self.search(engine, AnonymousUser(), text).total == 0

    def test_private_group_is_not_a_facet_value_for_outsiders(self, engine, corpus, outsider):
        results = self.search(engine, outsider, "cercle")
        assert results.total == 0
        assert "Cercle restreint" not in self.counts(results, "group")

    @pytest.mark.parametrize("text", ["brouillon", "retiré"])
    def test_drafts_and_unpublished_pages_never_appear(self, engine, corpus, member, text):
        assert self.search(engine, member, text).total == 0
