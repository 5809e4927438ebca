"""What the user typed, parsed once for every engine.

A query is a list of requirements that must all match, and clauses that must not. A clause
is a word or a quoted phrase; a requirement is met by any of its alternatives, which is how
editors' synonyms apply: `CEJ` becomes "CEJ" or the phrase "contrat engagement jeune", and the
reverse. Operators of the engines (`OR`, `NEAR`, `*`, `:`, `\\`) are never passed through:
only letters and digits reach an engine, so odd input cannot break a query.
"""

import re
from dataclasses import dataclass

from search.analysis import STOPWORDS, fold, words_with_elisions

MAX_QUERY_LENGTH = 500
MAX_REQUIREMENTS = 12
# A quoted phrase, a -"quoted phrase", or a run of anything but spaces and quotes.
PIECE_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Clause:
    """A word (one term) or a phrase (several, in order).

    `terms` are folded words without elided articles; `tokens` keep every token in order,
    articles included, for engines whose phrases count positions ("contrat d engagement").
    """

    terms: tuple[str, ...]
    tokens: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1

    @property
    def text(self) -> str:
        return " ".join(self.terms)


@dataclass(frozen=True)
class Requirement:
    alternatives: tuple[Clause, ...]


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    required: tuple[Requirement, ...] = ()
    excluded: tuple[Clause, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.required)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every folded term the user asked for, synonyms included: for highlighting."""
        seen = dict.fromkeys(
            term
            for requirement in self.required
            for clause in requirement.alternatives
            for term in clause.terms
        )
        return tuple(seen)


def clean(text: str) -> str:
    """Drop control characters (null bytes included) and cap the length."""
    text = "".join(c if c.isprintable() else " " for c in (text or ""))
    return text[:MAX_QUERY_LENGTH].strip()


def _clause(text: str) -> Clause | None:
    words = words_with_elisions(text)
    terms = tuple(fold(token) for token, elided in words if not elided)
    if not terms:
        return None
    return Clause(terms=terms, tokens=tuple(fold(token) for token, _ in words))


def parse(text: str, synonyms: "SynonymTable | None" = None) -> ParsedQuery:
    raw = clean(text)
    required: list[Clause] = []
    excluded: list[Clause] = []
    for match in PIECE_RE.finditer(raw):
        minus_quoted, quoted, minus_word, word = match.groups()
        if quoted is not None:
            clause, negative = _clause(quoted), bool(minus_quoted)
            if clause and negative:
                excluded.append(clause)
            elif clause:
                required.append(clause)
            continue
        negative = bool(minus_word)
        # An unquoted piece may hold several words ("l'insertion", "a/b"): each is a term.
        clause = _clause(word)
        if clause is None:
            continue
        if negative:
            excluded.append(clause)
            continue
        required.extend(
            Clause(terms=(term,), tokens=(term,)) for term in clause.terms if term not in STOPWORDS
        )
    requirements = (synonyms or SynonymTable()).expand(required)
    return ParsedQuery(
        raw=raw,
        required=tuple(requirements[:MAX_REQUIREMENTS]),
        excluded=tuple(excluded[:MAX_REQUIREMENTS]),
    )


def _key(terms: tuple[str, ...]) -> tuple[str, ...]:
    """How an expression is matched: "Programme régional de formation" matches the words
    programme, regional, formation, since queries drop stopwords."""
    return tuple(term for term in terms if term not in STOPWORDS)


class SynonymTable:
    """Groups of equivalent expressions, each folded to its terms."""

    def __init__(self, groups: list[list[str]] = ()):
        self.groups: list[tuple[Clause, ...]] = []
        for group in groups:
            clauses = tuple(c for c in (_clause(expression) for expression in group) if c)
            if len(clauses) > 1:
                self.groups.append(clauses)
        self.longest = max((len(_key(c.terms)) for g in self.groups for c in g), default=1)

    def _group_at(self, terms: list[str], start: int) -> tuple[int, tuple[Clause, ...]] | None:
        """The longest expression of a group starting at `start`, with its length."""
        for length in range(min(self.longest, len(terms) - start), 0, -1):
            window = tuple(terms[start : start + length])
            for group in self.groups:
                if any(_key(clause.terms) == window for clause in group):
                    return length, group
        return None

    def expand(self, clauses: list[Clause]) -> list[Requirement]:
        requirements: list[Requirement] = []
        index = 0
        while index < len(clauses):
            clause = clauses[index]
            if clause.is_phrase:
                key = list(_key(clause.terms))
                found = self._group_at(key, 0)
                if found and found[0] == len(key):
                    requirements.append(Requirement(alternatives=found[1]))
                else:
                    requirements.append(Requirement(alternatives=(clause,)))
                index += 1
                continue
            # Consecutive single words may spell a multi-word expression.
            run = []
            for following in clauses[index:]:
                if following.is_phrase:
                    break
                run.append(following.terms[0])
            found = self._group_at(run, 0) if self.groups else None
            if found:
                length, group = found
                requirements.append(Requirement(alternatives=group))
                index += length
            else:
                requirements.append(Requirement(alternatives=(clause,)))
                index += 1
        return requirements
