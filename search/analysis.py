"""French text analysis shared by the engines that analyse text in Python.

The database engine on SQLite indexes the output of `index_text` in FTS5 and queries it with
`query_terms`; PostgreSQL and Elasticsearch analyse with their own French analysers, which do
the same steps: lowercase, fold accents, strip elisions, light Snowball stemming.

`index_text` keeps exactly one output token per input token (an elided article stays as
itself), so the token positions of the analysed text match those of the original text: FTS5's
`snippet()` and `highlight()` can then mark the original words.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# A token is a run of letters and digits, as FTS5's unicode61 tokenizer cuts them.
TOKEN_RE = re.compile(r"[^\W_]+")

# Articles and pronouns French writes elided before a vowel: "l'insertion", "d'emploi".
ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
)
APOSTROPHES = "'’‘`´"

# Words too common to narrow a query: dropped from queries (never from the index).
_STOPWORD_TEXT = """
    a au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me
    meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes
    toi ton tu un une vos votre vous y est sont ete etre
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def fold(text: str) -> str:
    """Lowercase without accents: "Sécurité" -> "securite", "Œuvre" -> "oeuvre"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("french")


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """The index form of one token: folded, then stemmed ("Formations" -> "format")."""
    folded = fold(token)
    if folded.isdigit():
        return folded
    # Folding can split a character in two ("ﬁ" -> "fi"); keep one token whatever happens.
    return _stemmer().stemWord(folded) or folded


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def index_text(text: str) -> str:
    """The analysed form of `text`, one stem per token, for a full-text index."""
    return " ".join(stem(token) for token in tokens(text))


def words_with_elisions(text: str) -> list[tuple[str, bool]]:
    """The tokens of `text`, each with whether it is an elided article ("l" in "l'insertion")."""
    result = []
    for match in TOKEN_RE.finditer(text):
        token = match.group()
        following = text[match.end() : match.end() + 1]
        elided = bool(following) and following in APOSTROPHES and fold(token) in ELISIONS
        result.append((token, elided))
    return result


def significant_words(text: str) -> list[str]:
    """Folded words that narrow a search: no elided article, no stopword."""
    return [
        fold(token)
        for token, elided in words_with_elisions(text)
        if not elided and fold(token) not in STOPWORDS
    ]
