"""Full-text search: one function decides how, views do not care.

Every word is stemmed in the language of its record, accents folded ("migrantes" finds
"migrante", "migracion" finds "migración"), and the words searched for are stemmed in
every language, any of them matching: a search finds records in any language.

On PostgreSQL each searchable table keeps a weighted `search_vector` (title over summary
over body), filled by a trigger in the record's language's text search configuration
(`unaccent` then the language's Snowball stemmer) and GIN-indexed; queries are ranked with
`SearchRank`. On SQLite an FTS5 index of each searchable table (kept by triggers) holds the
record's text stemmed by the same Snowball stemmers (`search_stems`, a function every
connection has) and finds the records holding every word; titles rank first. Excerpts are
cut from the stored text in Python, which costs less than asking PostgreSQL for headlines.
"""

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import add_truncation_text
from django.utils.translation import gettext_lazy as _
from snowballstemmer import stemmer

from .translations import Language

# Snowball stemmers, by language.
STEMMERS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
# PostgreSQL text search configurations, by language (made by a migration: accents off,
# then the language's stemmer); queries are parsed in all of them.
SEARCH_CONFIGS = {code: f"{name}_unaccent" for code, name in STEMMERS.items()}


class Searchable(models.Model):
    """A record searchable as full text. Subclasses name their text fields by weight."""

    SEARCH_WEIGHTS = {"A": ("title",), "C": ("body",)}

    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_(
            "The language the record is written in: its readers in that language find it, "
            "and search finds every form of its words."
        ),
    )
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def text_fields(cls) -> list[str]:
        return [name for names in cls.SEARCH_WEIGHTS.values() for name in names]


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def words(text: str | None) -> list[str]:
    return [word for word in re.split(r"\W+", text or "") if word]


def folded(word: str) -> str:
    """`word` in lower case without its accents ("Niñas" → "ninas"), as PostgreSQL's
    `unaccent` gives it."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_stemmers = threading.local()


@functools.lru_cache(maxsize=65536)
def stem(language: str, word: str) -> str:
    """`word`, accents folded, stemmed in `language` (unknown languages: folded only). A
    text repeats its words, so most are stemmed once."""
    name = STEMMERS.get(language)
    word = folded(word)
    if name is None:
        return word
    stemmers = _stemmers.__dict__
    if name not in stemmers:
        # A stemmer keeps its word while it works: one a thread.
        stemmers[name] = stemmer(name)
    return stemmers[name].stemWord(word)


def search_stems(language: str | None, text: str | None) -> str:
    """Every word of `text` stemmed in `language`: what SQLite's index of a record holds."""
    return " ".join(stem(language or "", word) for word in words(text))


def add_search_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Give a new SQLite connection `search_stems`, which the triggers keeping the FTS5
    indexes call."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("search_stems", 2, search_stems, deterministic=True)


class AnyLanguageQuery(SearchQuery):
    """`text` read as a web search (quoted phrases, `or`, `-word`) in the configuration of
    every language, any of them matching: one expression, which Django compiles in less
    time than the same query combined from one SearchQuery a language."""

    def __init__(self, text: str) -> None:
        super().__init__(text, search_type="websearch")

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
    ) -> tuple[str, list[Any]]:
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        parts = [
            f"{self.function}('{config}'::regconfig, {text_sql})"
            for config in SEARCH_CONFIGS.values()
        ]
        return f"({' || '.join(parts)})", [*text_params] * len(parts)


def full_text_query(text: str) -> AnyLanguageQuery:
    return AnyLanguageQuery(text)


def matching_ids(model: type[models.Model], text: str) -> list[int]:
    """The primary keys of every record of `model` matching `text`, drafts included, in
    no order: all the search index is asked, so it costs little even when most of the
    archive matches."""
    if not words(text):
        return []
    if uses_full_text():
        matches = model._base_manager.filter(search_vector=full_text_query(text))
        # When most of the archive matches, the planner prefers reading every record's
        # vector to the GIN index, which gives the same keys sooner; for rarer words it
        # takes the index either way.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            ids = list(matches.order_by().values_list("pk", flat=True))
            cursor.execute("SET LOCAL enable_seqscan = DEFAULT")
        return ids
    return fts_rowids(model, text)


def merge_search_indexes() -> None:
    """After a bulk load on SQLite, merge each FTS5 index into one segment. FTS5 leaves a
    segment for each batch written, and a search for a common word asks the index record
    by record whether it matches, reading every segment each time (bench/RESULTS.md).
    PostgreSQL's VACUUM does the same for its GIN indexes."""
    if uses_full_text():
        return
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if issubclass(model, Searchable):
                index = fts_index(model)
                cursor.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")


def fts_index(model: type[models.Model]) -> str:
    return f"{model._meta.db_table}_fts"


def fts_matches_sql(model: type[models.Model]) -> str:
    """SQL giving the row ids (primary keys) of the records of `model` whose FTS5 index
    matches the parameter, an `fts_query`."""
    index = fts_index(model)
    return f"SELECT rowid FROM {index} WHERE {index} MATCH %s"


def fts_rowids(model: type[models.Model], text: str, limit: int = -1) -> list[int]:
    """Row ids (primary keys) of the records of `model` whose FTS5 index matches `text`,
    drafts included, in no order; at most `limit` of them (-1: all)."""
    with connection.cursor() as cursor:
        cursor.execute(f"{fts_matches_sql(model)} LIMIT %s", (fts_query(text), limit))
        return [row[0] for row in cursor.fetchall()]


def fts_query(text: str) -> str:
    """`text` for an FTS5 MATCH: each word stemmed and quoted (no operators), all of them
    needed, in any language's stemming (as PostgreSQL parses it in every language)."""
    terms = words(text)
    readings = dict.fromkeys(
        " ".join(f'"{stem(language, word)}"' for word in terms) for language in STEMMERS
    )
    return " OR ".join(f"({reading})" for reading in readings)


def ranked_by_title(queryset: QuerySet, text: str, first: str | None = None) -> QuerySet:
    """SQLite's ranking: records in the language `first` first (if given), then those whose
    title holds `text`, then the newest added."""
    title_hit = Q(title__icontains=text.strip())
    return queryset.annotate(
        rank=Case(When(title_hit, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by(*in_language_first(first), "-rank", "-pk")


def in_language_first(first: str | None) -> list[Any]:
    """An ordering putting the records in the language `first` before the others."""
    if first is None:
        return []
    return [Case(When(language=first, then=Value(0)), default=Value(1)).asc()]


@dataclass
class Hit:
    record: models.Model
    excerpt: str


# The search page ranks at most this many of the newest matches of each kind of record: a
# common word matches most of the archive, and ranking every match would cost time in
# proportion to it. The best of the newest is what a news site's visitor looks for.
CANDIDATES = 100


def found(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` narrowed to the records matching `text`, in the model's own order."""
    if not words(text):
        return queryset.none()
    if uses_full_text():
        return queryset.filter(search_vector=full_text_query(text))
    # SQLite: every word, stemmed, somewhere in the record's text, by its FTS5 index.
    rowids = RawSQL(fts_matches_sql(queryset.model), (fts_query(text),))
    return queryset.filter(pk__in=rowids).order_by(*queryset.model._meta.ordering)


def best_matches(
    queryset: QuerySet, text: str, field: str = "body", limit: int = 20, first: str | None = None
) -> tuple[list[Hit], int]:
    """The `limit` best of the newest records matching `text`, best first (those in the
    language `first` before the others, when it is given), each with an
    excerpt of `field` around the words searched for; and how many records match, counted
    up to CANDIDATES + 1 ("more than 100" reads as well as 9,412 and costs a fraction of a
    full count).

    Read newest first, the database goes through records until it has enough matches: for
    a rare word, the whole archive. So the search index is
    first asked for CANDIDATES + 1 matches in any order, which it gives at once; fewer are
    every match there is. Only a common word goes on to its newest matches."""
    best = best_on_postgresql if uses_full_text() else best_on_sqlite
    records, total = best(queryset, text, limit, first)
    return [Hit(record, highlight(getattr(record, field), text)) for record in records], total


def best_on_postgresql(
    queryset: QuerySet, text: str, limit: int, first: str | None = None
) -> tuple[list[models.Model], int]:
    """Ranked by `SearchRank`, in one query that also counts the candidates."""
    matches = found(queryset, text)
    some = list(matches.order_by().values_list("pk", flat=True)[: CANDIDATES + 1])
    newest = some if len(some) <= CANDIDATES else matches.values("pk")[: CANDIDATES + 1]
    records = list(
        queryset.filter(pk__in=newest)
        .annotate(
            rank=SearchRank(F("search_vector"), full_text_query(text)),
            candidates=Window(Count("pk")),
        )
        .order_by(*in_language_first(first), "-rank", "-pk")[:limit]
    )
    return records, records[0].candidates if records else 0


def best_on_sqlite(
    queryset: QuerySet, text: str, limit: int, first: str | None = None
) -> tuple[list[models.Model], int]:
    """Ranked as `ranked_by_title` ranks. The FTS5 index's matches include drafts (the
    queryset drops them); for a common word each record, newest first, asks the index
    whether it matches (building the set of every match first costs in proportion to the
    archive)."""
    some = fts_rowids(queryset.model, text, CANDIDATES + 1)
    if len(some) <= CANDIDATES:
        records = list(ranked_by_title(queryset.filter(pk__in=some), text, first))
    else:
        index = fts_index(queryset.model)
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        in_index = RawSQL(
            f"EXISTS (SELECT 1 FROM {index} WHERE {index} MATCH %s AND rowid = {table}.id)",
            (fts_query(text),),
            output_field=BooleanField(),
        )
        title = text.strip().lower()
        records = sorted(
            queryset.filter(in_index)[: CANDIDATES + 1],
            key=lambda record: (
                first is not None and record.language != first,
                title not in record.title.lower(),
                -record.pk,
            ),
        )
    return records[:limit], len(records)


def highlight(body: str, text: str, width: int = 240) -> SafeString:
    """An excerpt of `body` around the first searched word, words marked (in any of their
    forms: "migrante" for "migrantes"), HTML escaped."""
    terms = words(text)
    wanted = {stem(language, term) for term in terms for language in STEMMERS}
    lowered = body.lower()
    starts = [found for term in terms if (found := lowered.find(term.lower())) >= 0]
    if terms and not starts:
        starts = first_form(body, wanted)
    start = max(body.rfind(" ", 0, max(min(starts) - width // 3, 0)) + 1, 0) if starts else 0
    # Truncator(...).words(), splitting only as far as the excerpt goes: a body runs to
    # thousands of words and a search page cuts sixty excerpts.
    length = width // 6
    parts = body[start:].split(maxsplit=length)
    excerpt = " ".join(parts[:length])
    if len(parts) > length:
        excerpt = add_truncation_text(excerpt)
    if start:
        excerpt = "…" + excerpt
    if not terms:
        return escape(excerpt)
    pattern = marker(tuple(terms))
    seen: dict[str, str] = {}

    def marked(match: re.Match[str]) -> str:
        """The word between the marks (stand-ins the text has not) if it is a form of a
        word searched for, else with any searched word within it marked."""
        word = match.group()
        if word not in seen:
            if any(stem(language, word) in wanted for language in STEMMERS):
                seen[word] = f"\x00{word}\x01"
            else:
                seen[word] = pattern.sub("\x00\\1\x01", word)
        return seen[word]

    excerpt = WORD.sub(marked, excerpt.replace("\x00", "").replace("\x01", ""))
    return mark_safe(escape(excerpt).replace("\x00", "<mark>").replace("\x01", "</mark>"))


WORD = re.compile(r"\w+")


def accented_letters() -> dict[str, str]:
    """Each lower-case letter and its accented forms, as a regular expression's character
    class ("n" → "[nñ]"), for the letters that have some."""
    forms: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        decomposed = unicodedata.normalize("NFD", letter)
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
        if len(plain) == 1 and plain != letter and letter.islower():
            forms[plain] = forms.get(plain, plain) + letter
    return {plain: f"[{letters}]" for plain, letters in forms.items()}


ACCENTED_FORMS = accented_letters()
# How far into a text an excerpt looks for a form of the words searched for (not the words
# themselves): an excerpt from further on is seldom better than the text's beginning.
FORMS_WITHIN = 4000


def first_form(body: str, wanted: set[str]) -> list[int]:
    """Where the first word of `body` stemming to one of `wanted` starts, within its first
    FORMS_WITHIN characters, in a list (empty when none does). Only words beginning with
    a stem, accents or none, are stemmed (nearly every form of a word does): a body runs
    to thousands of words."""
    stems = "|".join(
        "".join(ACCENTED_FORMS.get(char, re.escape(char)) for char in stem)
        for stem in sorted(wanted, key=len, reverse=True)
    )
    lowered = body[:FORMS_WITHIN].lower()
    if len(lowered) != len(
        body[:FORMS_WITHIN]
    ):  # a letter lower-cased into two: places would shift
        return []
    for word in re.finditer(rf"(?:{stems})\w*", lowered):
        start = word.start()
        if start and lowered[start - 1].isalnum():
            continue  # within a word
        if any(stem(language, word.group()) in wanted for language in STEMMERS):
            return [start]
    return []


@functools.lru_cache(maxsize=64)
def marker(terms: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of `terms` (the longest first) in escaped text."""
    pattern = "|".join(re.escape(escape(term)) for term in sorted(terms, key=len, reverse=True))
    return re.compile(f"({pattern})", flags=re.IGNORECASE)
