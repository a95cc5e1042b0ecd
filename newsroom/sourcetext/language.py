"""A page's language, guessed from its commonest short words."""

import re

STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "by", "was"},
    "es": {"el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "para", "con", "una"},
    "fr": {"le", "la", "les", "des", "du", "et", "en", "que", "pour", "dans", "une", "est", "au"},
    "pt": {"o", "os", "as", "do", "da", "dos", "das", "e", "em", "que", "para", "com", "uma"},
}


def guess_language(text: str, default: str = "en") -> str:
    """The code (en, es, fr, pt) whose stopwords the text uses most; `default` if none."""
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    scores = {code: sum(token in words for token in tokens) for code, words in STOPWORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] else default
