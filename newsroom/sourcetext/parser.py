"""Parse one scraped IOM page (news release, project page or statement page).

``parse_text`` is a pure function from text to a :class:`ParsedPage`; it never
raises. Every line of the page ends up in exactly one place: site chrome
(dropped), a field of the record, or ``unplaced_lines`` for an editor to see.
Values come out typed: dates as dates, years and amounts as numbers, countries
as the keys of the country index given.
"""

from __future__ import annotations

import datetime

from .chrome import (
    footer_start,
    is_glued_menu,
    is_header_bullet,
    is_menu_like,
    is_nav_phrase,
    is_universal_chrome,
)
from .contacts import (
    ContactResult,
    find_inline_heading,
    is_contact_heading,
    parse_contact_block,
    parse_contact_text,
)
from .countries import CountryIndex
from .datelines import extract_dateline, publication_date
from .dates import parse_date
from .language import guess_language
from .model import ParsedPage
from .projects import count_labels, inline_label, label_of, parse_project
from .statements import (
    is_date_line,
    is_refs_line,
    is_statement_date,
    parse_statements,
    summit_name,
)
from .text import ends_sentence, normalise_lines, rebuild_paragraphs, starts_lower, words

CUT_OFF = "page seems cut off: last paragraph ends without punctuation"
NOT_RECOGNISED = "not a news release, project page or statement page: "
_TITLE_CONNECTORS = {
    "to", "of", "and", "the", "for", "in", "on", "with", "a", "an", "by", "at", "from",
    "into", "de", "del", "la", "el", "los", "las", "y", "en", "para", "et", "des", "du",
    "le", "les", "pour", "por", "con",
}  # fmt: skip


class Ledger:
    """Tracks what became of each line: chrome, placed, or (by default) unplaced."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.chrome: set[int] = set()
        self.placed: set[int] = set()
        self.fragments: dict[int, list[str]] = {}
        self.guessed: set[int] = set()

    def used(self, index: int) -> bool:
        return index in self.chrome or index in self.placed

    def content(self, start: int = 0, stop: int | None = None) -> list[int]:
        """Indices of non-blank lines not yet used, in ``[start, stop)``."""
        stop = len(self.lines) if stop is None else min(stop, len(self.lines))
        return [i for i in range(start, stop) if self.lines[i] and not self.used(i)]

    def unplaced(self) -> list[str]:
        found: list[str] = []
        for index, line in enumerate(self.lines):
            found.extend(fragment for fragment in self.fragments.get(index, []) if fragment)
            if line and not self.used(index):
                found.append(line)
        return found


def parse_text(text: str, source: str = "", countries: CountryIndex | None = None) -> ParsedPage:
    """Parse the text of one scraped page; never raises.

    Country names are resolved against ``countries``; without it no name is known, and
    member states are all kept as names no country has.
    """
    try:
        return _parse(text, source, countries if countries is not None else CountryIndex())
    except Exception as exc:  # a bad page must not stop a batch import
        page = ParsedPage(source=source, error=f"internal parser error: {exc!r}")
        if isinstance(text, str):
            page.unplaced_lines = [line for line in text.splitlines() if line.strip()]
        return page


def _parse(text: str, source: str, countries: CountryIndex) -> ParsedPage:
    page = ParsedPage(source=source)
    if not isinstance(text, str):
        page.error = f"expected text, got {type(text).__name__}"
        return page
    lines = normalise_lines(text)
    if not any(lines):
        page.error = "the file is empty"
        return page
    ledger = Ledger(lines)
    _mark_chrome(ledger)
    _read_publication_date(ledger, page)
    kind = _detect_kind(ledger)
    title = _find_title(ledger)
    if title is not None:
        page.title = _take_title(ledger, title)
    body_start = title + 1 if title is not None else 0
    if kind == "project":
        _parse_project(ledger, page, body_start, countries)
    else:
        {"statements": _parse_statements, "news": _parse_news}[kind](ledger, page, body_start)
    page.kind = kind
    _check_recognised(ledger, page)
    page.unplaced_lines = ledger.unplaced()
    if page.kind is not None:
        _read_languages(page)
        _read_countries(page, countries)
    return page


def _read_languages(page: ParsedPage) -> None:
    """The page's language from its title and paragraphs; a statement's from its own."""
    page.language = guess_language(" ".join([page.title or "", *page.paragraphs]))
    for entry in page.statements:
        entry.language = guess_language(" ".join(entry.paragraphs))


def _read_countries(page: ParsedPage, countries: CountryIndex) -> None:
    """The countries the dateline and the title name, and each contact office's country."""
    page.countries = countries.mentioned(
        " \u00b7 ".join(filter(None, [page.location, page.title]))
    )
    for contact in page.contacts:
        if contact.office and contact.office.strip():
            found = countries.mentioned(contact.office.strip())
            contact.office_country = found[0] if found else None


def _mark_chrome(ledger: Ledger) -> None:
    lines = ledger.lines
    footer = footer_start(lines)
    for index, line in enumerate(lines):
        if index >= footer or (line and is_universal_chrome(line)):
            ledger.chrome.add(index)


def _read_publication_date(ledger: Ledger, page: ParsedPage) -> None:
    """Take the first "Date Publish:" line (its value may be on the next line)."""
    for index in ledger.content():
        written = publication_date(ledger.lines[index])
        if written is None:
            continue
        used = [index]
        if not written:
            following = ledger.content(index + 1, index + 3)
            written = ledger.lines[following[0]] if following else ""
            used.extend(following[:1])
        day = parse_date(written)
        if day is None:
            page.warnings.append(f"publication date {written!r} could not be read")
            continue
        page.date = day
        ledger.placed.update(used)
        return


def _detect_kind(ledger: Ledger) -> str:
    """project (three project labels), statements ("Date:" and "Paragraphs:"
    lines) or news; whether it really is news is checked after parsing."""
    content = [ledger.lines[i] for i in ledger.content()]
    if count_labels(content) >= 3:
        return "project"
    dated = [line for line in content if is_date_line(line)]
    if dated and any(map(is_refs_line, content)):
        return "statements"
    if len([line for line in dated if is_statement_date(line)]) >= 2:
        return "statements"
    return "news"


def _is_structural(line: str) -> bool:
    return bool(
        is_contact_heading(line)
        or label_of(line)
        or inline_label(line)
        or is_date_line(line)
        or is_refs_line(line)
    )


def _next_content(ledger: Ledger, index: int) -> str:
    following = ledger.content(index + 1, min(index + 8, len(ledger.lines)))
    return ledger.lines[following[0]] if following else ""


def _is_prose_start(ledger: Ledger, index: int) -> bool:
    """Whether line ``index`` opens body text rather than being a title."""
    line = ledger.lines[index]
    if len(line) > 200:
        return True
    long_enough = len(words(line)) >= 6
    return long_enough and (line.endswith(".") or starts_lower(_next_content(ledger, index)))


def _find_title(ledger: Ledger) -> int | None:
    """Index of the title: the first line after the header chrome that is
    neither a menu word nor body text. Unknown short menu words before it are
    chrome; a very short title is recognised when body text follows it."""
    tentative: list[int] = []
    title = None
    for index in ledger.content():
        line = ledger.lines[index]
        if is_nav_phrase(line) or is_glued_menu(line) or is_header_bullet(line):
            ledger.chrome.add(index)
            continue
        if _is_structural(line):
            break
        if is_menu_like(line):
            tentative.append(index)
            continue
        if not _is_prose_start(ledger, index):
            title = index
        break
    if title is None and tentative:
        title = tentative.pop()
    ledger.chrome.update(tentative)
    ledger.guessed.update(tentative)
    return title


def _take_title(ledger: Ledger, index: int) -> str:
    """The title line, joined with a second line when the title was wrapped."""
    ledger.placed.add(index)
    title = ledger.lines[index]
    following = ledger.content(index + 1, index + 3)
    if not following or following[0] != index + 1:
        return title
    line = ledger.lines[following[0]]
    wrapped = starts_lower(line) or title.split()[-1].lower() in _TITLE_CONNECTORS
    if wrapped and len(line) <= 120 and not ends_sentence(line) and not _is_structural(line):
        ledger.placed.add(following[0])
        return f"{title} {line}"
    return title


def _lines_with_gaps(ledger: Ledger, indices: list[int]) -> list[str]:
    """The lines at ``indices``, with a blank line wherever lines were skipped."""
    result: list[str] = []
    previous = None
    for index in indices:
        if previous is not None and index != previous + 1:
            result.append("")
        result.append(ledger.lines[index])
        previous = index
    return result


def _body_indices(ledger: Ledger, start: int, stop: int) -> list[int]:
    """Unused indices in ``[start, stop)``, blank lines included."""
    return [i for i in range(start, stop) if not ledger.used(i)]


def _contact_heading(ledger: Ledger, start: int) -> int | None:
    for index in ledger.content(start):
        if is_contact_heading(ledger.lines[index]):
            return index
    return None


def _apply_contacts(ledger: Ledger, page: ParsedPage, result: ContactResult, at: int) -> None:
    page.contacts.extend(result.contacts)
    page.warnings.extend(result.warnings)
    ledger.fragments.setdefault(at, []).extend(result.leftovers)


def _read_contact_block(ledger: Ledger, page: ParsedPage, heading: int) -> None:
    indices = _body_indices(ledger, heading, len(ledger.lines))
    block = [ledger.lines[i] for i in indices]
    _apply_contacts(ledger, page, parse_contact_block(block), heading)
    ledger.placed.update(indices)


def _skip_pre_body(ledger: Ledger, start: int, stop: int) -> int:
    """Drop menu words between the title and the body; return where it starts."""
    for index in ledger.content(start, stop):
        line = ledger.lines[index]
        if is_nav_phrase(line):
            ledger.chrome.add(index)
        elif not is_menu_like(line) or _is_prose_start(ledger, index):
            return index
    return stop


def _split_inline_contacts(ledger: Ledger, page: ParsedPage, paragraphs: list[str]) -> list[str]:
    """Move contact sentences ("For more information, please contact ...")
    out of the paragraphs into contacts."""
    kept: list[str] = []
    at = len(ledger.lines) - 1
    for paragraph in paragraphs:
        offset = find_inline_heading(paragraph)
        if offset is None:
            kept.append(paragraph)
            continue
        if paragraph[:offset].strip():
            kept.append(paragraph[:offset].strip())
        _apply_contacts(ledger, page, parse_contact_text(paragraph[offset:]), at)
    return kept


def _read_prose(ledger: Ledger, page: ParsedPage, start: int, stop: int) -> list[str]:
    indices = _body_indices(ledger, start, stop)
    ledger.placed.update(indices)
    paragraphs = rebuild_paragraphs(_lines_with_gaps(ledger, indices))
    return _split_inline_contacts(ledger, page, paragraphs)


def _parse_news(ledger: Ledger, page: ParsedPage, start: int) -> None:
    heading = _contact_heading(ledger, start)
    stop = heading if heading is not None else len(ledger.lines)
    body = _skip_pre_body(ledger, start, stop)
    paragraphs = _read_prose(ledger, page, body, stop)
    if heading is not None:
        _read_contact_block(ledger, page, heading)
    if paragraphs and (dateline := extract_dateline(paragraphs[0])):
        page.location = dateline.location
        paragraphs[0] = dateline.rest
        _set_dateline_date(page, dateline.date)
    page.paragraphs = paragraphs
    _warn_cut_off(page, paragraphs)


def _set_dateline_date(page: ParsedPage, date: datetime.date | None) -> None:
    if date is None:
        return
    if page.date is None:
        page.date = date
    elif page.date != date:
        page.warnings.append(f"dateline date {date} differs from publication date {page.date}")


def _warn_cut_off(page: ParsedPage, paragraphs: list[str]) -> None:
    if not page.contacts and paragraphs and not ends_sentence(paragraphs[-1]):
        page.warnings.append(CUT_OFF)


def _parse_project(ledger: Ledger, page: ParsedPage, start: int, countries: CountryIndex) -> None:
    heading = _contact_heading(ledger, start)
    stop = heading if heading is not None else len(ledger.lines)
    result = parse_project(ledger.lines, _body_indices(ledger, start, stop), countries)
    ledger.placed.update(result.placed)
    page.project = result.fields
    page.warnings.extend(result.warnings)
    description = [i for i in result.description if ledger.lines[i]]
    ledger.placed.update(description)
    paragraphs = rebuild_paragraphs(_lines_with_gaps(ledger, description))
    if heading is not None:
        _read_contact_block(ledger, page, heading)
    page.paragraphs = _split_inline_contacts(ledger, page, paragraphs)
    _warn_cut_off(page, page.paragraphs)


def _parse_statements(ledger: Ledger, page: ParsedPage, start: int) -> None:
    result = parse_statements(ledger.lines, _body_indices(ledger, start, len(ledger.lines)))
    ledger.placed.update(result.placed)
    preface = [i for i in result.preface if ledger.lines[i]]
    ledger.placed.update(preface)
    page.paragraphs = rebuild_paragraphs(_lines_with_gaps(ledger, preface))
    page.statements = result.entries
    page.summit = summit_name(page.title or "")
    page.warnings.extend(result.warnings)
    last = result.entries[-1].paragraphs if result.entries else []
    if last and not ends_sentence(last[-1]):
        page.warnings.append(CUT_OFF)


def _check_recognised(ledger: Ledger, page: ParsedPage) -> None:
    """A news release needs a title followed by prose; otherwise report the
    page as unrecognised and leave all its content lines unplaced."""
    if page.kind != "news":
        return
    prose = any(len(words(paragraph)) >= 5 for paragraph in page.paragraphs)
    if page.title and prose:
        return
    reason = "no title line followed by prose" if not page.title else "no prose after the title"
    page.error = (
        NOT_RECOGNISED + reason + ", fewer than three project labels and no dated statements"
    )
    page.kind = None
    page.title = page.location = page.date = None
    page.paragraphs, page.contacts, page.warnings = [], [], []
    ledger.placed.clear()
    ledger.fragments.clear()
    ledger.chrome -= ledger.guessed
