"""Summit statement pages: dated statements with their mandate references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import parse_date
from .model import StatementEntry
from .text import rebuild_paragraphs

_PARAGRAPHS = r"(?:paragraphs|p[a\u00e1]rrafos|paragraphes)"
_SUMMIT = rf"(?P<label>{_PARAGRAPHS}\b[^:]*?\b(?:summit|cumbre|sommet)\b[^:]*?)"
_DATE_LINE = re.compile(r"^(?:date|fecha)\s*:\s*(?P<value>.*)$", re.I)
_REFS_LINE = re.compile(
    rf"^{_PARAGRAPHS}\s*:\s*(?P<refs>.*?)\s*(?:{_SUMMIT}\s*:\s*(?P<summit>.*))?$", re.I
)
_SUMMIT_LINE = re.compile(rf"^{_SUMMIT}\s*:\s*(?P<summit>.*)$", re.I)
_SUMMIT_NAME = re.compile(r"\b([IVXLC]+ Summit)\b")
_NONE_VALUES = {"", "-", "\u2013", "\u2014", "n/a", "none"}


def summit_name(title: str) -> str | None:
    """The summit a statements page's title names ("VII Summit"), if any."""
    match = _SUMMIT_NAME.search(title)
    return match.group(1) if match else None


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line))


def is_statement_date(line: str) -> bool:
    """A "Date:" line whose value is a readable date."""
    match = _DATE_LINE.match(line)
    return match is not None and parse_date(match["value"]) is not None


def is_refs_line(line: str) -> bool:
    return bool(_REFS_LINE.match(line) or _SUMMIT_LINE.match(line))


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return None if text.lower() in _NONE_VALUES else text


@dataclass
class StatementsResult:
    """Statements of a page and how its lines were used."""

    entries: list[StatementEntry] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)
    preface: list[int] = field(default_factory=list)
    leftovers: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Entry:
    """A statement being read: its date line, body lines and references."""

    def __init__(self, index: int, date_text: str) -> None:
        self.index = index
        self.date_text = date_text.strip()
        self.body: list[str] = []
        self.entry = StatementEntry(date=parse_date(self.date_text))
        self.closed = False

    def read_refs(self, line: str) -> bool:
        """Take a "Paragraphs: ... Summit: ..." line; False if it is not one."""
        if match := _REFS_LINE.match(line):
            self.entry.paragraph_refs = _value(match["refs"])
            self.entry.summit = _value(match["summit"])
        elif match := _SUMMIT_LINE.match(line):
            self.entry.summit = _value(match["summit"])
        else:
            return False
        self.closed = True
        return True

    def finish(self, warnings: list[str]) -> StatementEntry:
        self.entry.paragraphs = rebuild_paragraphs(self.body)
        label = self.date_text or "(no date)"
        if self.entry.date is None:
            warnings.append(f"statement date {label!r} could not be read")
        if not self.closed:
            warnings.append(f"statement of {label} has no Paragraphs line (page may be cut off)")
        return self.entry


def parse_statements(lines: list[str], indices: list[int]) -> StatementsResult:
    """Split ``lines[i] for i in indices`` into statements at each "Date:" line."""
    result = StatementsResult()
    current: _Entry | None = None
    for index in indices:
        line = lines[index]
        date = _DATE_LINE.match(line)
        if date:
            if current:
                result.entries.append(current.finish(result.warnings))
            current = _Entry(index, date["value"])
            result.placed.add(index)
        elif current is None:
            result.preface.append(index)
        elif current.closed:
            if current.read_refs(line):
                result.placed.add(index)
            elif line:
                result.leftovers.append(index)
        elif current.read_refs(line):
            result.placed.add(index)
        else:
            current.body.append(line)
            result.placed.add(index)
    if current:
        result.entries.append(current.finish(result.warnings))
    return result
