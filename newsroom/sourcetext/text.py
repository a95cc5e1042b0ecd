"""Normalisation of scraped text and rebuilding of paragraphs from lines."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x1f\x7f]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_TERMINAL = re.compile(r"[.!?\u2026:]['\"\u201d\u2019\u00bb)\]]*$")
_BULLET = re.compile(r"^(?:[-\u2013\u2014\u2022\u00b7\u25aa\u25cf\u2023*>]+)(?:\s+|$)")
_WORD = re.compile(r"\w+")

#: Lines longer than this are never the product of hard wrapping.
MAX_WRAP_WIDTH = 120
#: How much shorter than the wrap width a sentence-final line must be to end a
#: paragraph in text that was not wrapped greedily.
NOTICEABLY_SHORTER = 4


def normalise_lines(text: str) -> list[str]:
    """Split ``text`` into clean lines.

    CRLF/CR and other line separators become line breaks; U+00A0, tabs and
    other Unicode spaces become one plain space; invisible characters go;
    each line is NFC-normalised and stripped.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    lines = _LINE_BREAKS.split(text)
    return [_SPACES.sub(" ", line).strip() for line in lines]


def strip_bullet(line: str) -> str:
    """``line`` without a leading list marker ("- ", "\u2022 ", "* ")."""
    return _BULLET.sub("", line, count=1).strip()


def has_bullet(line: str) -> bool:
    return bool(_BULLET.match(line)) and bool(strip_bullet(line))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes allowed)."""
    return bool(_TERMINAL.search(line))


def words(line: str) -> list[str]:
    return line.split()


def word_tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _first_letter(line: str) -> str:
    for char in line:
        if char.isalnum():
            return char
    return ""


def starts_lower(line: str) -> bool:
    return _first_letter(line).islower()


def starts_upper(line: str) -> bool:
    """Whether ``line`` opens like a sentence (capital or digit, maybe quoted)."""
    first = _first_letter(line)
    return first.isupper() or first.isdigit()


def first_word(line: str) -> str:
    parts = line.split(maxsplit=1)
    return parts[0] if parts else ""


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` used for matching labels."""
    folded = text.casefold().replace("\u2019", "'")
    if not folded.isascii():  # ASCII has no accents to take off: most lines, and quicker
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(folded.split())


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a word hyphenated across lines is glued back."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text += line
        else:
            text += " " + line
    return text


@dataclass(frozen=True)
class WrapStyle:
    """How a run of prose lines was laid out by whoever produced it."""

    wrapped: bool
    width: int
    greedy: bool


def _is_continuation(prev: str, nxt: str) -> bool:
    return not ends_sentence(prev) or starts_lower(nxt)


def wrap_style(blocks: list[list[str]]) -> WrapStyle:
    """Guess whether ``blocks`` were hard-wrapped, at what width, and how.

    Text is hard-wrapped when every line fits in ``MAX_WRAP_WIDTH`` columns
    and some line clearly continues on the next. It was wrapped greedily when
    no continued line had room left for the next line's first word.
    """
    lines = [line for block in blocks for line in block]
    pairs = [pair for block in blocks for pair in zip(block, block[1:], strict=False)]
    continued = [(a, b) for a, b in pairs if _is_continuation(a, b)]
    width = max((len(line) for line in lines), default=0)
    if width > MAX_WRAP_WIDTH or not continued:
        return WrapStyle(wrapped=False, width=width, greedy=False)
    greedy = all(
        len(a) + 1 + len(first_word(b)) > width for a, b in continued if not a.endswith("-")
    )
    return WrapStyle(wrapped=True, width=width, greedy=greedy)


def _ends_paragraph(prev: str, nxt: str, style: WrapStyle) -> bool:
    """Whether a paragraph ends between lines ``prev`` and ``nxt``."""
    if has_bullet(nxt):
        return True
    if starts_lower(nxt) or prev.endswith((",", ";")):
        return False
    if not ends_sentence(prev):
        short = style.width * 0.5 if style.wrapped else 60
        return starts_upper(nxt) and len(prev) < short
    if not style.wrapped:
        return True
    room = style.width - len(prev)
    if room >= 1 + len(first_word(nxt)):
        return True
    return not style.greedy and room >= NOTICEABLY_SHORTER


def split_blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into runs separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def rebuild_paragraphs(lines: list[str]) -> list[str]:
    """Turn prose lines (blank lines allowed) into paragraphs.

    Blank lines always separate paragraphs; hard-wrapped lines are joined;
    one-paragraph-per-line text is kept as it is.
    """
    blocks = split_blocks(lines)
    style = wrap_style(blocks)
    paragraphs: list[str] = []
    for block in blocks:
        current = [block[0]]
        for prev, nxt in zip(block, block[1:], strict=False):
            if _ends_paragraph(prev, nxt, style):
                paragraphs.append(join_lines(current))
                current = []
            current.append(nxt)
        paragraphs.append(join_lines(current))
    return paragraphs
