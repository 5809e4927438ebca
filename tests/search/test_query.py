"""The query parser every engine reads: French words, phrases, exclusions, synonyms."""

import pytest

from search.analysis import index_text, stem, tokens
from search.query import MAX_QUERY_LENGTH, SynonymTable, parse

SYNONYMS = SynonymTable(
    [
        ["CEJ", "Contrat d'Engagement Jeune"],
        ["PRF", "Programme Régional de Formation"],
        ["ML", "Mission Locale"],
    ]
)


def alternatives(query):
    return [[clause.text for clause in req.alternatives] for req in query.required]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("equipe", "équipe"),
        ("Securite", "sécurité"),
        ("formations", "formation"),
        ("missions", "mission"),
        ("EMPECHER", "empêcher"),
    ],
)
def test_french_variants_share_one_stem(one, other):
    assert stem(one) == stem(other)


def test_index_text_keeps_one_token_per_word_for_highlighting():
    text = "L'insertion des jeunes : d'emploi, œuvre & 2025"
    assert len(tokens(index_text(text))) == len(tokens(text))


def test_elided_articles_are_dropped_from_terms_but_kept_in_tokens():
    query = parse("l'insertion d’emploi")
    assert alternatives(query) == [["insertion"], ["emploi"]]
    phrase = parse('"contrat d\'engagement"').required[0].alternatives[0]
    assert phrase.terms == ("contrat", "engagement")
    assert phrase.tokens == ("contrat", "d", "engagement")


def test_phrase_and_exclusion():
    query = parse('"projet associatif" -stage accompagnement')
    assert alternatives(query) == [["projet associatif"], ["accompagnement"]]
    assert [clause.text for clause in query.excluded] == ["stage"]


def test_acronym_expands_to_its_expression_and_back():
    assert alternatives(parse("CEJ", SYNONYMS)) == [["cej", "contrat engagement jeune"]]
    assert alternatives(parse("contrat d'engagement jeune", SYNONYMS)) == [
        ["cej", "contrat engagement jeune"]
    ]
    # Stopwords inside an expression do not prevent the match.
    assert alternatives(parse("programme régional de formation 2025", SYNONYMS)) == [
        ["prf", "programme regional de formation"],
        ["2025"],
    ]


def test_quoted_expression_also_gets_its_synonyms():
    assert alternatives(parse('"mission locale" dijon', SYNONYMS)) == [
        ["ml", "mission locale"],
        ["dijon"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "!!! ??? ...",
        '"',
        '"unbalanced quote',
        '* OR NEAR : \\ " ^ ( )',
        "😀🎉",
        "a\x00b",
        "la le les",
    ],
)
def test_odd_input_only_lets_words_through(text):
    query = parse(text)
    for requirement in query.required:
        for clause in requirement.alternatives:
            assert all(term.isalnum() for term in clause.terms)


def test_long_input_is_capped():
    query = parse("emploi " * 5000)
    assert len(query.raw) <= MAX_QUERY_LENGTH
    assert len(query.required) <= 12


def test_operators_are_plain_words():
    query = parse("formation OR apprentissage NEAR")
    assert alternatives(query) == [["formation"], ["or"], ["apprentissage"], ["near"]]
