"""Content in several languages: each translation is a record of its own (own title, slug,
dates, status and versions) and the records of one translation group share a
`translation_key`, one record a language (a database constraint).

A translation remembers the record it was translated from, the version of it and when
that record was last saved then: once the source is saved again the translation is out of
date, until an editor brings it up to date.
"""

import functools
import uuid

from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class Language(models.TextChoices):
    """The languages of the site's content, in the site's order: Spanish first."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    PORTUGUESE = "pt", _("Portuguese")
    FRENCH = "fr", _("French")


LANGUAGE_ORDER = tuple(Language.values)


def language_rank(field="language"):
    """An expression ordering records by language in the site's order."""
    return Case(
        *(When(**{field: code}, then=Value(rank)) for rank, code in enumerate(LANGUAGE_ORDER)),
        default=Value(len(LANGUAGE_ORDER)),
    )


def unique_translation(table):
    """One record per language in a translation group. Its index also serves look-ups of
    a group by key."""
    return models.UniqueConstraint(
        fields=["translation_key", "language"],
        name=f"{table}_one_translation_per_language",
        violation_error_message=_("This record already has a translation in that language."),
    )


class TranslatableQuerySet(models.QuerySet):
    def in_language(self, code):
        """Records written in the language `code`."""
        return self.filter(language=code)

    def group_of(self, record):
        """Every record of `record`'s translation group, itself included, in the site's
        language order."""
        return self.filter(translation_key=record.translation_key).order_by(language_rank())

    def missing_language(self, code):
        """Records whose translation group has no record in the language `code`."""
        present = self.model._default_manager.filter(language=code).values("translation_key")
        return self.exclude(translation_key__in=present)

    def with_translations(self, field="pk", published=False):
        """Each record with `translation_<code>`, the `field` of the record of its group in
        each language (None where there is none), for every language: subqueries of the
        one query, so a list or a page gains no query for them. With `published`, only
        records a visitor may see count (a page's links to its translations, by slug)."""
        others = self.model._default_manager
        others = others.published() if published else others.all()
        group = others.filter(translation_key=OuterRef("translation_key"))
        return self.annotate(
            **{
                f"translation_{code}": Subquery(group.filter(language=code).values(field)[:1])
                for code in LANGUAGE_ORDER
            }
        )

    def with_out_of_date(self):
        """Each record with `out_of_date`: it is a translation whose source was saved
        after the translation was made or last brought up to date."""
        return self.annotate(
            out_of_date=Case(
                When(
                    Q(translated_from__updated_at__gt=F("translated_from_at")),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )


class Translatable(models.Model):
    """A record in one language (the `language` field of `Searchable`), linked to its
    translations by a shared `translation_key`."""

    translation_key = models.UUIDField(
        _("translation group"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Shared by a record and its translations, one of them a language."),
    )
    translated_from = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    translated_from_version = models.PositiveIntegerField(
        _("version translated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The version of the source the translation follows."),
    )
    translated_from_at = models.DateTimeField(
        _("source saved at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the source had last been saved, as the translation follows it."),
    )

    class Meta:
        abstract = True

    def translations(self):
        """The published other records of this record's group, in the site's language
        order: one query, whatever their number. Each has what a link to it needs."""
        return list(
            type(self)
            ._default_manager.published()
            .filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .only("pk", "slug", "title", "language", "translation_key")
            .order_by(language_rank())
        )

    def translation(self, code):
        """The published record of this record's group in the language `code`, or None.
        This record itself when it is in that language and published."""
        return (
            type(self)
            ._default_manager.published()
            .filter(translation_key=self.translation_key, language=code)
            .first()
        )

    def is_out_of_date(self):
        """Whether this is a translation whose source was saved after it was made or last
        brought up to date (`with_out_of_date()` answers it for a whole list)."""
        if hasattr(self, "out_of_date"):
            return self.out_of_date
        if self.translated_from_id is None or self.translated_from_at is None:
            return False
        source = self.translated_from
        return source is not None and source.updated_at > self.translated_from_at


class RecordLanguages:
    """A record's page in every language: the addresses of its published translations
    (from `with_translations("slug", published=True)` on the page's own query, so no query
    more), and where the switcher goes in a language it lacks: the list `list_name` in
    that language, saying the record is missing there."""

    def __init__(self, record: models.Model, list_name: str) -> None:
        self.record, self.list_name = record, list_name

    @functools.cached_property
    def urls(self) -> dict[str, str]:
        """Language -> the address of the record's version in it, the record's own
        included, in the site's language order."""
        record = self.record
        found = {}
        for code in LANGUAGE_ORDER:
            slug = (
                record.slug
                if code == record.language
                else getattr(record, f"translation_{code}", None)
            )
            if slug:
                with override(code):
                    found[code] = type(record)(slug=slug, language=code).get_absolute_url()
        return found

    def others(self) -> list[tuple[str, str]]:
        """(language, address) of each of its translations, itself left out."""
        return [(code, url) for code, url in self.urls.items() if code != self.record.language]

    def target(self, code: str) -> str:
        """Where the switcher goes in the language `code`."""
        if code in self.urls:
            return self.urls[code]
        with override(code):
            return f"{reverse(self.list_name)}?missing=1"

    def default(self) -> str:
        """The version hreflang's x-default names: the Spanish, else the record's own."""
        return self.urls.get(LANGUAGE_ORDER[0]) or self.urls[self.record.language]
