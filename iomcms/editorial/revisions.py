"""Versions of editorial records, kept by django-reversion: who saved what and when, the
differences between two versions, and restoring one.

Every path that writes a record keeps a version: the admin (one revision per save, with
the media contacts of a release), spreadsheet and source imports (one revision per
import), bulk publishing and restoring. Versions are added explicitly, once a record and
its relations are written, so a version always holds what was saved.
"""

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import reversion
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.models import Revision, Version

from iomcms.core.bulk import append
from iomcms.core.publishing import Publishable
from iomcms.core.registry import entry_for

# Bookkeeping a version stores but that is never compared or restored.
NOT_COMPARED = {"id", "created_at", "updated_at", "source_key", "source_values", "search_vector"}
PUBLICATION_FIELDS = ("status", "go_live_at", "expires_at")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
VERSION_COLUMNS = (
    "revision",
    "content_type",
    "object_id",
    "db",
    "format",
    "serialized_data",
    "object_repr",
)


def is_versioned(model: type[models.Model]) -> bool:
    return reversion.is_registered(model)


def record_versions(
    records: Iterable[models.Model], user: User | AnonymousUser | None = None, comment: str = ""
) -> None:
    """Keep a version of each record, as it is now in the database, in one revision."""
    records = [record for record in records if is_versioned(type(record))]
    if not records:
        return
    with reversion.create_revision(manage_manually=True):
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        for record in records:
            reversion.add_to_revision(record)


def record_versions_of(
    queryset: QuerySet,
    user: User | AnonymousUser | None = None,
    comment: str = "",
    chunk: int = 1000,
) -> None:
    """Keep a version of every record of `queryset` (e.g. after a bulk update)."""
    model = queryset.model
    if not is_versioned(model):
        return
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), chunk):
        records = list(model.objects.filter(pk__in=pks[start : start + chunk]))
        record_versions_as_written(records, user=user, comment=comment)


def record_versions_as_written(
    records: Iterable[models.Model],
    user: User | AnonymousUser | None = None,
    comment: str = "",
    chunk: int = 1000,
) -> None:
    """Keep a version of each record, in one revision, from the records as they are in
    memory right after they were written (thousands of imported rows), serialised in one
    pass: the same versions `record_versions` keeps, without reading each row back.

    Only many-to-many links are read, one query per `chunk` records. Records whose versions
    follow relations (a release and its media contacts) go through `record_versions`.
    """
    records = [record for record in records if record.pk is not None]
    if not records or not is_versioned(type(records[0])):
        return
    model = type(records[0])
    options = reversion.revisions._get_options(model)
    if options.follow:
        for start in range(0, len(records), chunk):
            pks = [record.pk for record in records[start : start + chunk]]
            record_versions(model.objects.filter(pk__in=pks), user=user, comment=comment)
        return
    database = router.db_for_write(model)
    content_type = ContentType.objects.db_manager(database).get_for_model(model)
    with transaction.atomic(using=database):
        revision = Revision.objects.using(database).create(
            date_created=timezone.now(),
            user=user if user is not None and user.is_authenticated else None,
            comment=comment,
        )
        for start in range(0, len(records), chunk):
            batch = records[start : start + chunk]
            append(
                Version,
                VERSION_COLUMNS,
                (
                    (revision.pk, content_type.pk, str(record.pk), database, options.format)
                    + (serialised, str(record))
                    for record, serialised in zip(batch, _serialise(batch, options), strict=True)
                ),
                using=database,
            )


def _serialise(records, options):
    """Each record as reversion serialises it: its fields, with decimals and times in the
    form they come back from the database, and its many-to-many links as stored."""
    model = type(records[0])
    many = [
        field
        for field in model._meta.many_to_many
        if field.name in options.fields and field.remote_field.through._meta.auto_created
    ]
    items = serializers.serialize(
        "python",
        records,
        fields=[name for name in options.fields if name not in {f.name for f in many}],
        use_natural_foreign_keys=options.use_natural_foreign_keys,
    )
    conversions = [
        (field.name, _as_stored(field))
        for field in model._meta.concrete_fields
        if field.name in options.fields
    ]
    stored = [(name, convert) for name, convert in conversions if convert]
    links = {field.name: _links(field, records) for field in many}
    for record, item in zip(records, items, strict=True):
        for name, convert in stored:
            if item["fields"].get(name) is not None:
                item["fields"][name] = convert(item["fields"][name])
        for name, found in links.items():
            item["fields"][name] = found.get(record.pk, [])
        yield json.dumps([item], cls=DjangoJSONEncoder, ensure_ascii=False)


def _as_stored(field):
    """How a value in memory reads once the database has stored it, where the two differ:
    a decimal gets its column's places (300000 → 300000.00), a time comes back in UTC."""
    if isinstance(field, models.DecimalField):
        places = Decimal(1).scaleb(-field.decimal_places)
        return lambda value: Decimal(value).quantize(places)
    if isinstance(field, models.DateTimeField):
        return lambda value: value.astimezone(UTC) if timezone.is_aware(value) else value
    return None


def _links(field, records):
    """Record pk → the pks it links to through `field`, in the related model's order (the
    order the serializer would read them in)."""
    reverse = field.related_query_name()
    found = {}
    rows = field.related_model._default_manager.filter(
        **{f"{reverse}__in": [record.pk for record in records]}
    ).values_list(reverse, "pk")
    for pk, related in rows:
        found.setdefault(pk, []).append(related)
    return found


def versions_of(record: models.Model) -> QuerySet[Version]:
    """Every version of `record`, newest first."""
    return (
        Version.objects.get_for_object(record)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def latest_version(record: models.Model) -> Version | None:
    return versions_of(record).first()


def edited_since(record: Publishable, moment: datetime) -> str:
    """Why a record saved after `moment` may not be overwritten by what was read then."""
    latest = latest_version(record) if is_versioned(type(record)) else None
    user = latest.revision.user if latest else None
    return _(
        "%(who)s changed this %(noun)s at %(when)s, after the file was read. Nothing was "
        "imported: export the records again, or import the file again to review it."
    ) % {
        "who": (user.get_full_name() or user.get_username()) if user else _("Someone"),
        "noun": record._meta.verbose_name,
        "when": localize(template_localtime(record.updated_at)),
    }


# ---- comparing ---------------------------------------------------------------------------


def compared_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
        if field.name not in NOT_COMPARED
    ]


def linked_ids_in(version: Version, field: models.ManyToManyField) -> list[int]:
    """The records a many-to-many through a link model names (the media contacts of a
    release), as the version's revision saved the links, in the link model's order."""
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    order = [name.lstrip("-") for name in through._meta.ordering]
    links = Version.objects.get_for_model(through).filter(revision_id=version.revision_id)
    rows = [link.field_dict for link in links]
    rows = [row for row in rows if str(row[source]) == version.object_id]
    return [row[target] for row in sorted(rows, key=lambda r: [r[name] for name in order])]


def current_linked_ids(record: models.Model, field: models.ManyToManyField) -> list[int]:
    """The same as `linked_ids_in`, for the links as they are now in the database."""
    through = field.remote_field.through
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    links = through._default_manager.filter(**{field.m2m_field_name(): record})
    return list(links.values_list(target, flat=True))


def snapshot(version: Version) -> dict[str, Any]:
    """Field name → value (many-to-many as a list of ids) as a version saved it."""
    data = version.field_dict
    values: dict[str, Any] = {}
    for field in compared_fields(version._model):
        if field.many_to_many and field.remote_field.through._meta.auto_created:
            values[field.name] = sorted(data.get(field.attname) or [])
        elif field.many_to_many:
            values[field.name] = linked_ids_in(version, field)
        else:
            values[field.name] = data.get(field.attname)
    return values


def current_snapshot(record: models.Model) -> dict[str, Any]:
    """The same as `snapshot`, for the record as it is now in the database."""
    record = type(record)._default_manager.get(pk=record.pk)
    values: dict[str, Any] = {}
    for field in compared_fields(type(record)):
        if field.many_to_many and field.remote_field.through._meta.auto_created:
            values[field.name] = sorted(getattr(record, field.name).values_list("pk", flat=True))
        elif field.many_to_many:
            values[field.name] = current_linked_ids(record, field)
        else:
            values[field.name] = getattr(record, field.attname)
    return values


def display(field: models.Field, value: Any) -> str:
    """A value as an editor reads it: names for related records, labels for choices."""
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        records = field.related_model._default_manager.in_bulk(value)
        return ", ".join(str(records[pk]) if pk in records else f"#{pk}" for pk in value)
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "tzinfo"):
        return localize(template_localtime(value))
    return str(value)


@dataclass
class FieldChange:
    field: models.Field
    before: str
    after: str

    @property
    def label(self) -> str:
        return str(self.field.verbose_name)

    @property
    def is_text(self) -> bool:
        return isinstance(self.field, models.TextField)

    def html(self) -> SafeString:
        """The change paragraph by paragraph, and word by word inside a changed paragraph:
        removed words struck through, added ones marked."""
        return text_diff(self.before, self.after)


def paragraphs(text: str) -> list[str]:
    return [part for part in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip()) if part]


BREAK = "\n\n"  # a paragraph break, compared as a word of its own


def paragraph_words(text_paragraphs: Iterable[str]) -> list[str]:
    """The words of `text_paragraphs`, each paragraph followed by a BREAK."""
    return [word for paragraph in text_paragraphs for word in (*paragraph.split(), BREAK)]


def text_runs(before: str, after: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """(op, old words, new words) over two texts. Paragraphs are matched first; inside each
    stretch of paragraphs that differ, words are compared with paragraph breaks among them,
    so an edit next to a new paragraph, or a paragraph split or joined, marks only what
    changed."""
    old, new = paragraphs(before), paragraphs(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old_words, new_words = paragraph_words(old[a1:a2]), paragraph_words(new[b1:b2])
        if op == "equal":
            yield op, old_words, new_words
            continue
        words = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for word_op, c1, c2, d1, d2 in words.get_opcodes():
            yield word_op, old_words[c1:c2], new_words[d1:d2]


class Paragraphs:
    """HTML paragraphs written a run of words at a time; a paragraph break ends one."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.parts: list[str] = []
        self.kept = False

    def add(self, words: Iterable[str], tag: str | None = None, mark_breaks: bool = False) -> None:
        run = []
        for word in words:
            if word != BREAK:
                run.append(escape(word))
                continue
            self.write(run, tag)
            run = []
            if mark_breaks and self.kept:
                self.parts.append(f"<{tag}>¶</{tag}>")  # a paragraph split or joined
            self.end()
        self.write(run, tag)

    def write(self, run: list[str], tag: str | None) -> None:
        if run:
            text = " ".join(run)
            self.parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
            self.kept |= tag is None

    def end(self) -> None:
        if self.parts:
            self.done.append(" ".join(self.parts))
        self.parts, self.kept = [], False

    def html(self) -> SafeString:
        self.end()
        return mark_safe("".join(f"<p>{part}</p>" for part in self.done))


def text_diff(before: str, after: str) -> SafeString:
    """Two texts as one, in paragraphs: removed words struck through, added ones marked,
    where they stand."""
    return counted_text_diff(before, after)[0]


def counted_text_diff(before: str, after: str) -> tuple[SafeString, int]:
    """`text_diff`, and how many places changed."""
    merged, changes = Paragraphs(), 0
    for op, old, new in text_runs(before, after):
        if op == "equal":
            merged.add(new)
            continue
        changes += 1
        merged.add(old, "del", mark_breaks=True)
        merged.add(new, "ins", mark_breaks=True)
    return merged.html(), changes


def side_by_side(before: str, after: str, tag: str = "mark") -> tuple[SafeString, SafeString]:
    """(before, after) as HTML paragraphs, each side in its own paragraphs, marking the
    words only it has."""
    left, right = Paragraphs(), Paragraphs()
    for op, old, new in text_runs(before, after):
        left.add(old, None if op == "equal" else tag)
        right.add(new, None if op == "equal" else tag)
    return left.html(), right.html()


def changes(
    model: type[models.Model], before: Mapping[str, Any], after: Mapping[str, Any]
) -> list[FieldChange]:
    """The fields whose values differ between two snapshots of a record of `model`."""
    return [
        FieldChange(
            field, display(field, before.get(field.name)), display(field, after.get(field.name))
        )
        for field in compared_fields(model)
        if _normal(before.get(field.name)) != _normal(after.get(field.name))
    ]


def _normal(value):
    return None if value in ("", []) else value


# ---- restoring ---------------------------------------------------------------------------


def restore(
    version: Version, user: User | AnonymousUser | None, restore_publication: bool = False
) -> models.Model:
    """Bring the record's content back to `version`, every field and relation; the restore
    is itself a new version. Status, go-live and expiry stay as they are unless
    `restore_publication` (a Publisher's explicit choice). Return the record."""
    model = version._model
    old = version._object_version
    with transaction.atomic():
        record = model._default_manager.select_for_update().get(pk=version.object_id)
        for field in model._meta.concrete_fields:
            if field.name in NOT_COMPARED or field.primary_key:
                continue
            if field.name in PUBLICATION_FIELDS and not restore_publication:
                continue
            setattr(record, field.attname, getattr(old.object, field.attname))
        record.save()
        for field in model._meta.many_to_many:
            if field.remote_field.through._meta.auto_created:
                getattr(record, field.name).set((old.m2m_data or {}).get(field.name, []))
            else:
                _restore_links(record, field, linked_ids_in(version, field))
        when = localize(template_localtime(version.revision.date_created))
        record_versions([record], user, _("Restored the version of %(date)s.") % {"date": when})
    return record


def _restore_links(record, field, ids):
    """Link `record` to the records `ids` that still exist, in that order: the link model
    is ordered by its position first."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    position = through._meta.ordering[0]
    through._default_manager.filter(**{source: record}).delete()
    existing = set(
        field.related_model._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
    )
    through._default_manager.bulk_create(
        through(**{source: record, f"{target}_id": pk, position: number})
        for number, pk in enumerate(pk for pk in ids if pk in existing)
    )


def content_type_choices() -> list[tuple[int, str]]:
    """(content type id, name) of every registered content model, for filters."""
    return [
        (ct.pk, str(ct.model_class()._meta.verbose_name_plural).capitalize())
        for ct in ContentType.objects.order_by("model")
        if entry_for(ct.model_class()) is not None
    ]
