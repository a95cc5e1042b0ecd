"""Property tests: the parser never raises, loses no words and ignores layout."""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.sourcetext import parse_text

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
SEEDS = ("000", "001", "002", "003", "004")
FOOTER_CHROME = {"Related Resources", "IOM's Website"}
#: Paragraph openings of the hard-wrapped seeds, used to regroup their lines.
WRAPPED_STARTS = {
    "000": (
        "An IOM programme that aimed", "Hundreds of children from", "The programme, which ended",
        "Support was also given", "More than 60 families", "Two of the outcomes",
        "An agreement between IOM",
    ),
    "001": (
        "IOM and the Ministry of Social", "The Ministry has agreed", "The agreement includes",
        "The 2001 Census", "According to an IOM", "Through analysis of cases",
    ),
}  # fmt: skip
#: Words of labels and headings that the parser consumes rather than copies.
LABEL_WORDS = {
    "for", "further", "more", "information", "please", "contact", "at", "tel", "email",
    "e", "mail", "mailto", "or",
}  # fmt: skip
STRUCTURAL = re.compile(
    r"^(?:Date:|Paragraphs:|For (?:further|more) information|E-mail:$|or$"
    r"|Start Date|End Date|Project Status|Project Type|Budget Amount|Coverage|Year"
    r"|IDF Region|Prima ID|Projects ID|Benefiting Member States)"
)
FAST = settings(max_examples=150, deadline=None, database=None)


@dataclass(frozen=True)
class Piece:
    """A piece of a seed page: chrome, a fixed line, or a re-wrappable paragraph."""

    kind: str  # "chrome" | "fixed" | "para"
    text: str


def seed_text(prefix: str) -> str:
    path = next(SOURCES.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 or line.startswith("For more information, please contact ")


def _regroup(lines: list[str], openings: tuple[str, ...]) -> list[Piece]:
    paragraphs: list[list[str]] = []
    for line in lines:
        if line.startswith(openings) or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [Piece("para", " ".join(lines)) for lines in paragraphs]


def _pieces_after_title(prefix: str, lines: list[str]) -> list[Piece]:
    if prefix in WRAPPED_STARTS:
        end = next(i for i, line in enumerate(lines) if line.startswith("For "))
        body = _regroup(lines[:end], WRAPPED_STARTS[prefix])
        return body + [Piece("fixed", line) for line in lines[end:]]
    pieces: list[Piece] = []
    for line in lines:
        if line in FOOTER_CHROME or line.startswith("- Organization"):
            pieces.append(Piece("chrome", line))
        elif _is_prose(line) and pieces and pieces[-1].kind == "para" and line[0].islower():
            pieces[-1] = Piece("para", f"{pieces[-1].text} {line}")
        else:
            pieces.append(Piece("para" if _is_prose(line) else "fixed", line))
    return pieces


@cache
def seed_pieces(prefix: str) -> tuple[Piece, ...]:
    lines = seed_text(prefix).split("\n")
    title = 2 if prefix == "004" else 22
    header = [Piece("chrome", line) for line in lines[:title]]
    return (
        *header,
        Piece("fixed", lines[title]),
        *_pieces_after_title(prefix, lines[title + 1 :]),
    )


@dataclass
class Variant:
    text: str
    decidable: bool
    width: int | None


def _section_decidable(section: list[tuple[list[str], bool]]) -> bool:
    """Whether a reader could see every paragraph break of a run of greedily
    wrapped paragraphs: where one paragraph directly follows another, the last
    line of the first must leave room (against the widest line of the run)
    for the first word of the next."""
    lines = [line for wrapped, _ in section for line in wrapped]
    widest = max((len(line) for line in lines), default=0)
    return all(
        len(prev[-1]) + 1 + len(nxt[0].split()[0]) <= widest
        for (prev, _), (nxt, adjacent) in zip(section, section[1:], strict=False)
        if adjacent
    )


def render(pieces, width, rng: random.Random, keep_chrome: str, blanks: bool, crlf: bool):
    """The text of a page variant, and whether its paragraph breaks are decidable."""
    out: list[str] = []
    sections: list[list[tuple[list[str], bool]]] = [[]]
    adjacent = False
    for piece in pieces:
        if piece.kind == "chrome" and (
            keep_chrome == "none" or (keep_chrome == "some" and rng.random() < 0.5)
        ):
            continue
        contact = piece.text.startswith("For more information")
        if piece.kind == "para" and width:
            out.extend(textwrap.wrap(piece.text, width))
        else:
            out.append(piece.text)
        if piece.kind == "para" and width and not contact:
            sections[-1].append((textwrap.wrap(piece.text, width), adjacent))
            adjacent = True
        elif piece.text or piece.kind != "chrome":
            sections.append([])
            adjacent = False
        if blanks and rng.random() < 0.3:
            out.extend([""] * rng.randint(1, 3))
            adjacent = False
    decidable = all(_section_decidable(section) for section in sections)
    return ("\r\n" if crlf else "\n").join(out), decidable


variants = st.builds(
    lambda prefix, width, seed, keep, blanks, crlf: (
        prefix,
        Variant(
            *render(seed_pieces(prefix), width, random.Random(seed), keep, blanks, crlf), width
        ),
    ),
    st.sampled_from(SEEDS),
    st.one_of(st.none(), st.integers(50, 100)),
    st.integers(0, 2**16),
    st.sampled_from(["all", "some", "none"]),
    st.booleans(),
    st.booleans(),
)


@cache
def original(prefix: str) -> dict:
    return parse_text(seed_text(prefix)).to_dict()


def output_words(data: dict) -> set[str]:
    text = repr(
        [
            data["title"], data["location"], data["date"], data["paragraphs"],
            data["contacts"], data["project"], data["statements"], data["unplaced_lines"],
        ]
    )  # fmt: skip
    return {word.casefold() for word in re.findall(r"\w+", text.replace("\\xa0", " "))}


def input_words(prefix: str) -> set[str]:
    found = set()
    for piece in seed_pieces(prefix):
        if piece.kind == "chrome" or STRUCTURAL.match(piece.text.strip()):
            continue
        found.update(word.casefold() for word in re.findall(r"\w+", piece.text))
    return found - LABEL_WORDS


def assert_same_paragraphs(got: list[str], expected: list[str], decidable: bool) -> None:
    assert " ".join(got) == " ".join(expected)
    if decidable:
        assert got == expected


def records(data: dict) -> dict:
    return {key: data[key] for key in ("kind", "title", "location", "date", "contacts", "project")}


# --- properties ----------------------------------------------------------------------------


@FAST
@given(st.text())
def test_arbitrary_text_never_raises(text):
    page = parse_text(text, "any.txt")
    data = page.to_dict()
    assert data["error"] is None or not data["error"].startswith("internal")
    assert data["source"] == "any.txt"


SEED_LINES = sorted({line for prefix in SEEDS for line in seed_text(prefix).split("\n")})
TRICKY = [
    "", "-", "Date:", "Paragraphs:", "Paragraphs: - Paragraphs VII Summit: -", "Email:",
    '"">', "[email protected]", "For more information, please contact:", "or", "Tel:",
    "Start Date", "Benefiting Member States", "Budget Amount (USD)", "Related Resources",
    "Geneva \u2013 ", "\u2013", "Date Publish:", "\r", "\u00a0", "Para m\u00e1s informaci\u00f3n",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(SEED_LINES + TRICKY) | st.text(max_size=40), max_size=40))
def test_shuffled_seed_lines_never_raise(lines):
    page = parse_text("\n".join(lines))
    assert page.error is None or not page.error.startswith("internal")


@FAST
@given(variants)
def test_variants_lose_no_word(case):
    prefix, variant = case
    data = parse_text(variant.text).to_dict()
    assert data["error"] is None
    missing = input_words(prefix) - output_words(data)
    assert not missing


@FAST
@given(variants)
def test_variants_give_the_same_records(case):
    prefix, variant = case
    data, expected = parse_text(variant.text).to_dict(), original(prefix)
    assert records(data) == records(expected)
    assert data["unplaced_lines"] == []
    assert_same_paragraphs(data["paragraphs"], expected["paragraphs"], variant.decidable)
    assert len(data["statements"]) == len(expected["statements"])
    for got, want in zip(data["statements"], expected["statements"], strict=True):
        assert (got["date"], got["paragraph_refs"], got["summit"]) == (
            want["date"], want["paragraph_refs"], want["summit"],
        )  # fmt: skip
        assert_same_paragraphs(got["paragraphs"], want["paragraphs"], variant.decidable)


def test_seed_pieces_cover_the_seeds():
    for prefix in SEEDS:
        pieces = seed_pieces(prefix)
        rendered, _ = render(pieces, None, random.Random(0), "all", False, False)
        assert parse_text(rendered).to_dict() == original(prefix) | {"source": ""}
