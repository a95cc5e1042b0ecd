"""The interface's catalogues are complete and honest: every marked string is in them,
translated (none fuzzy) in Spanish, Portuguese and French, the compiled files say what
the .po files say, and no visible text of a public template escapes translation."""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
TRANSLATED = ("es", "pt", "fr")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
    "gettext_noop": None,
}
# Proper names and formats a page shows as they are in every language.
AS_THEY_ARE = {"Atom", "RSS", "CSV", "JSON"}


def catalogue(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language)


def key(message):
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return (message.context, msgid)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    entries = [message for message in catalogue(language) if message.id]
    assert len(entries) > 300
    untranslated = [
        message.id
        for message in entries
        if not message.string or (isinstance(message.string, tuple) and not all(message.string))
    ]
    fuzzy = [message.id for message in entries if message.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translation_keeps_the_placeholders_of_its_source(language):
    placeholder = re.compile(r"%\(\w+\)[sd]|<[^>]+>")
    for message in catalogue(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(placeholder.findall(sources[-1])))
        for string in strings:
            assert sorted(set(placeholder.findall(string))) == wanted, (message.id, string)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_says_what_the_po_file_says(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for message in catalogue(language):
        if not message.id:
            continue
        context = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, tuple):
            for index, string in enumerate(message.string):
                expected[(context + message.id[0], index)] = string
        else:
            expected[context + message.id] = message.string
    compiled = {k: v for k, v in compiled.items() if k != ""}
    assert compiled == expected, "run `make messages` and commit the .mo files"


def test_every_marked_string_is_in_the_catalogues():
    with open(LOCALE / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    marked = set()
    for package in ("iomcms", "newsroom", "projects"):
        for _, _, message, _, context in extract_from_dir(
            ROOT / package, method_map, options_map, keywords=KEYWORDS
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            marked.add((context, msgid))
    for language in TRANSLATED:
        catalogued = {key(message) for message in catalogue(language) if message.id}
        assert marked - catalogued == set(), f"run `make messages` ({language})"


def public_templates():
    for package in ("iomcms", "newsroom", "projects"):
        yield from sorted((ROOT / package).glob("**/jinja2/**/*.html"))


class VisibleText(HTMLParser):
    """Text and the attributes people read (labels, titles, descriptions) of a page's
    skeleton, in which every translated piece and every expression is a NUL."""

    READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
    READ_META = {"description", "og:title", "og:description", "og:site_name", "og:image:alt"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_data(self, data):
        self.found.append(data)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in self.READ_ATTRIBUTES & attrs.keys():
            self.found.append(attrs[name] or "")
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) in self.READ_META:
            self.found.append(attrs.get("content") or "")


def reads_as_words(literal, previous):
    """Whether a string literal in an expression reads as words ("Other countries",
    "Filter") rather than a name, format or address, and is not given to _()."""
    words = re.search(r"\b[A-Z][a-z]{2,}\b|\b[a-z]{2,} [a-z]{2,}\b", literal)
    return bool(words) and previous[-2:] != ["_", "("]


def untranslated_text(source):
    """What a template shows that is neither translated nor an expression's value: the
    text outside {% trans %} blocks, and string literals in expressions that read as
    words rather than as names, formats or URLs, unless they are given to _()."""
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    skeleton, words = [], []
    in_trans = in_tag = False
    previous = []
    for _, kind, value in env.lex(source):
        if kind in ("whitespace", "comment_begin", "comment", "comment_end"):
            continue
        if kind == "name" and previous[-1:] == ["block_begin"]:
            if value == "trans":
                in_trans = True
                skeleton.append("\0")
            elif value == "endtrans":
                in_trans = False
        if kind in ("variable_begin", "block_begin"):
            in_tag = True
            if kind == "variable_begin" and not in_trans:
                skeleton.append("\0")
        elif kind in ("variable_end", "block_end"):
            in_tag = False
        elif kind == "data" and not in_trans and not in_tag:
            skeleton.append(value)
        elif kind == "string" and not in_trans and reads_as_words(value, previous):
            words.append(value)
        previous.append(value if kind in ("name", "operator") else kind)
    parser = VisibleText()
    parser.feed("".join(skeleton))
    for text in parser.found:
        text = text.replace("\0", " ").strip()
        if re.search(r"[^\W\d_]", text) and text not in AS_THEY_ARE:
            words.append(text)
    return words


@pytest.mark.parametrize(
    "template", list(public_templates()), ids=lambda path: str(path.relative_to(ROOT))
)
def test_every_visible_string_of_a_public_template_is_marked(template):
    assert untranslated_text(template.read_text()) == []


@pytest.mark.parametrize(
    "source",
    [
        "<h1>News</h1>",
        '<nav aria-label="Main"></nav>',
        '<input placeholder="Search">',
        '<meta name="description" content="News of IOM">',
        "{{ heading or 'Other countries' }}",
        "{% if x %}No news yet.{% endif %}",
        "<p>{% trans %}Hello{% endtrans %} world</p>",
    ],
)
def test_the_check_finds_unmarked_text(source):
    assert untranslated_text(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "<h1>{% trans %}News{% endtrans %}</h1>",
        "<nav aria-label=\"{{ _('Main') }}\"></nav>",
        "<p>{% trans n=count %}{{ n }} release{% pluralize %}{{ n }} releases{% endtrans %}</p>",
        "{{ heading or _('Other countries') }}",
        "<time>{{ day|date('DATE_FORMAT') }}</time> · <a href=\"{{ url('site:home') }}\">RSS</a>",
        '<meta name="robots" content="noindex">',
    ],
)
def test_the_check_lets_marked_text_and_expressions_through(source):
    assert untranslated_text(source) == []
