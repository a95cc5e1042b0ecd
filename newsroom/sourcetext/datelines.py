"""Datelines ("Geneva \u2013 ", "Juba, October 30th, 2019 \u2013") and publication dates."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import parse_date
from .text import fold, starts_upper

_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*")
_TOKEN = re.compile(r"^[\w.'\u2019()\-]+$")
_CONNECTORS = {
    "de", "del", "la", "las", "los", "el", "of", "the", "and", "y", "do", "da", "dos",
    "das", "du", "des", "au", "aux", "sur", "en", "on", "upon", "le", "les", "di",
}  # fmt: skip
_NOT_PLACES = {
    "iom", "oim", "un", "onu", "unhcr", "acnur", "unicef", "icrc", "cicr", "who", "oms",
    "wfp", "pma", "ilo", "oit", "undp", "pnud", "the un migration agency", "update",
    "breaking", "news", "press release", "comunicado", "note", "photo", "video",
}  # fmt: skip
_PUBLISHED = re.compile(
    r"^(?:(?:date\s+publish(?:ed)?|fecha\s+de\s+publicaci[o\u00f3]n|date\s+de\s+publication)"
    r"\s*:?|(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication"
    r"|publicado(?:\s+el)?|publi[e\u00e9]\s+le)\s*:)\s*(?P<value>.*)$",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    """The place (and maybe date) opening a release, and the text after it."""

    location: str | None
    date: datetime.date | None
    rest: str


def is_location(text: str) -> bool:
    """A short run of capitalised words naming a place ("San Jos\u00e9, Costa Rica")."""
    if not text or len(text) > 60 or any(char.isdigit() for char in text):
        return False
    if fold(text) in _NOT_PLACES or not text[0].isupper():
        return False
    tokens = [token for token in re.split(r"[\s,/]+", text) if token]
    if not 1 <= len(tokens) <= 8:
        return False
    return all(
        _TOKEN.match(token) and (token[0].isupper() or fold(token) in _CONNECTORS)
        for token in tokens
    )


def _read_head(head: str) -> tuple[str | None, datetime.date | None] | None:
    """(location, date) from the part before the dash, or None if it is not one."""
    parts = [part.strip() for part in head.split(",")]
    for start in range(len(parts)):
        date = parse_date(", ".join(parts[start:]))
        if date:
            location = ", ".join(parts[:start]) or None
            return (location, date) if location is None or is_location(location) else None
    return (head, None) if is_location(head) else None


def extract_dateline(paragraph: str) -> Dateline | None:
    """Split "El Salvador - IOM, UNHCR ..." into its dateline and the text."""
    match = _SEPARATOR.search(paragraph, 0, 90)
    if not match:
        return None
    head, rest = paragraph[: match.start()].strip(), paragraph[match.end() :].strip()
    if not head or not rest or not starts_upper(rest):
        return None
    found = _read_head(head.rstrip(","))
    if found is None:
        return None
    return Dateline(location=found[0], date=found[1], rest=rest)


def publication_date(line: str) -> str | None:
    """The value of a "Date Publish: ..." line as written ("" when the date is
    on the next line), or None when ``line`` is not a publication-date line."""
    match = _PUBLISHED.match(line)
    return match["value"].strip() if match else None
