"""Language detection by frequent words: enough to tell French from the few other languages
the network's documents may be written in, without a statistical model."""

import re

STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans",
           "que", "qui", "sur", "avec", "par", "au", "aux", "ne", "pas", "sont", "ce", "cette",
           "nous", "vous", "leur", "plus", "ou"},
    "en": {"the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "are", "this",
           "be", "by", "as", "it", "from", "or", "an", "which", "their", "at", "not", "have"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein",
           "eine", "auf", "für", "sich", "dem", "auch", "werden", "wird", "oder"},
    "es": {"el", "los", "las", "y", "es", "en", "una", "por", "con", "para", "del", "que",
           "se", "su", "como", "más", "al", "lo", "está", "pero"},
    "it": {"il", "gli", "della", "che", "di", "è", "per", "una", "con", "non", "sono",
           "del", "alla", "nel", "anche", "questo", "come", "più", "degli", "delle"},
}  # fmt: skip

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20_000
MIN_HITS = 5


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "" when too little text to tell."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    scores = dict.fromkeys(STOPWORDS, 0)
    for word in words:
        for code, stopwords in STOPWORDS.items():
            if word in stopwords:
                scores[code] += 1
    code, best = max(scores.items(), key=lambda item: item[1])
    return code if best >= MIN_HITS else ""
