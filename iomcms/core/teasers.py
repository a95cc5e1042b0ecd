"""Teasers: the opening words of a long text, as lists and feeds show them."""

from django.db.models.functions import Left
from django.utils.text import add_truncation_text

# Lists read this many characters of a text from the database, not the whole text.
LENGTH = 320


def opening(field: str) -> Left:
    """The first LENGTH characters of the text `field`, for a list's queryset."""
    return Left(field, LENGTH)


def teaser(text: str, words: int) -> str:
    """An opening read with `opening`, cut to `words` words and ending with an ellipsis
    when the text goes on. An opening that fills LENGTH was cut by the database, perhaps
    inside a word: that word is left out."""
    cut = len(text) >= LENGTH
    if cut:
        text = text.rsplit(maxsplit=1)[0]
    parts = text.split(maxsplit=words)
    if len(parts) > words or cut:
        return add_truncation_text(" ".join(parts[:words]))
    return " ".join(parts)
