"""Refusing a save that would overwrite someone else's, and merging the two on saving again.

A change form carries an *edit token*: the record's `updated_at` when the form was opened
and the version the editor saw. On save the record is locked and its `updated_at`
compared. If someone saved in between (or the token is missing or malformed), nothing is
saved: the form comes back with a merge screen, three-way against the version the form was
opened from (carried on as `merge_base`). Fields only the other editor changed keep their
value, fields only this editor changed take the form's, and fields both changed are shown
side by side and chosen one by one. Relations (countries, themes, media contacts) count as
fields; status, go-live and expiry too, so an override never reverts a publication.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from iomcms.core.fields import normalise_text
from iomcms.core.publishing import Publishable

from . import revisions

TOKEN_FIELD = "edit_token"
BASE_FIELD = "merge_base"
UNKNOWN_BASE = "unknown"
THEIRS, MINE, CHOOSE = "theirs", "mine", "choose"


def edit_token(record: Publishable) -> str:
    """What a form opened now knows about `record`: its last save and latest version."""
    version = revisions.latest_version(record)
    return f"{record.updated_at.isoformat()}|{version.pk if version else ''}"


def read_token(token: str | None) -> tuple[datetime, int | None] | None:
    """(updated_at, version id or None) from a token; None for a missing or malformed one."""
    saved, _sep, version = (token or "").partition("|")
    try:
        saved, version = datetime.fromisoformat(saved), int(version) if version else None
    except ValueError:
        return None
    # Tokens carry an offset, as `edit_token` writes them; one without cannot be compared.
    return None if saved.tzinfo is None else (saved, version)


# ---- the three-way merge -----------------------------------------------------------------


@dataclass
class FieldMerge:
    """One field that differs between the saved record (theirs) and the form (mine)."""

    field: models.Field
    theirs: object
    mine: object
    outcome: str  # THEIRS or MINE when only one side changed it, CHOOSE when both did
    choice: str = ""

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def label(self) -> str:
        return str(self.field.verbose_name)

    @property
    def theirs_display(self) -> str:
        return revisions.display(self.field, self.theirs)

    @property
    def mine_display(self) -> str:
        return revisions.display(self.field, self.mine)

    @property
    def sides(self) -> tuple[SafeString, SafeString]:
        """(theirs, mine) as HTML; long text paragraph by paragraph, each side marking the
        words only it has."""
        if isinstance(self.field, models.TextField):
            return revisions.side_by_side(self.theirs or "", self.mine or "")
        return escape(self.theirs_display), escape(self.mine_display)

    @property
    def keeps_theirs(self) -> bool:
        return self.outcome == THEIRS or (self.outcome == CHOOSE and self.choice == THEIRS)


def comparable(value: Any) -> Any:
    """A value as the merge compares it: line endings, trailing spaces and sub-second
    times are not edits."""
    if isinstance(value, str):
        value = normalise_text(value).strip()
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    return None if value in ("", []) else value


def three_way(
    fields: Iterable[models.Field],
    base: Mapping[str, Any] | None,
    theirs: Mapping[str, Any],
    mine: Mapping[str, Any],
) -> list[FieldMerge]:
    """The fields where `mine` differs from `theirs`, each with its outcome against `base`
    (None when the form's starting point is unknown: then every difference is a choice).
    A field missing from `mine` is not on the form, so the save leaves it as it is."""
    merged = []
    for model_field in fields:
        name = model_field.name
        if name not in mine or comparable(mine[name]) == comparable(theirs.get(name)):
            continue
        if base is None:
            outcome = CHOOSE
        elif comparable(theirs.get(name)) == comparable(base.get(name)):
            outcome = MINE
        elif comparable(mine[name]) == comparable(base.get(name)):
            outcome = THEIRS
        else:
            outcome = CHOOSE
        merged.append(FieldMerge(model_field, theirs.get(name), mine[name], outcome))
    return merged


def posted_links(model_field: models.ManyToManyField, data: Mapping[str, Any]) -> list[int] | None:
    """The records a form's inline (e.g. a release's ordered media contacts) links to, in
    their posted order; None when the inline is not in the form."""
    through = model_field.remote_field.through
    source = through._meta.get_field(model_field.m2m_field_name())
    target = model_field.m2m_reverse_field_name()
    prefix = source.remote_field.get_accessor_name()
    try:
        total = int(data[f"{prefix}-TOTAL_FORMS"])
    except (KeyError, ValueError):
        return None
    rows = []
    for index in range(min(total, 1000)):
        key = f"{prefix}-{index}-"
        pk, position = data.get(key + target, ""), data.get(key + "position", "")
        if pk.isdigit() and not data.get(key + "DELETE"):
            rows.append((int(position) if position.isdigit() else index, index, int(pk)))
    return [pk for *_order, pk in sorted(rows)]


@dataclass
class Conflict:
    """Someone else's save, met by a form that was opened before it (or that does not say
    when it was opened), and how the two merge."""

    by: str
    at: datetime
    fields: list[FieldMerge] = field(default_factory=list)
    token_missing: bool = False

    def message(self, noun: str | Promise) -> str:
        if self.token_missing:
            return _(
                "This form did not say which version of the %(noun)s it was opened from, so "
                "nothing was saved. Below, each field where your form differs from the "
                "version saved at %(when)s: choose which to keep, then save again."
            ) % {"noun": noun, "when": localize(template_localtime(self.at))}
        return _(
            "%(who)s saved this %(noun)s at %(when)s, after you opened it. Nothing was "
            "saved: your text is still in the form below, next to what they changed. Saving "
            "again keeps what only they changed and applies what only you changed; where you "
            "both changed a field, choose which to keep."
        ) % {"who": self.by, "noun": noun, "when": localize(template_localtime(self.at))}

    @property
    def undecided(self) -> list[FieldMerge]:
        return [
            row
            for row in self.fields
            if row.outcome == CHOOSE and row.choice not in (THEIRS, MINE)
        ]


class ConflictCheckForm(forms.ModelForm):
    """A model form that refuses to overwrite a save made after it was opened, and merges
    the two when saved again."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    merge_base = forms.CharField(widget=forms.HiddenInput, required=False)

    conflict = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keep_current: set[str] = set()
        if self.instance.pk:
            if not self.is_bound and revisions.latest_version(self.instance) is None:
                # A record from before versions were kept: keep how it is now, so that a
                # conflict can merge against it and the history can go back to it.
                revisions.record_versions(
                    [self.instance], comment=_("The record as it was before its first edit.")
                )
            self.initial[TOKEN_FIELD] = edit_token(self.instance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not (self.instance.pk and self.is_bound):
            return cleaned  # an add has nothing to overwrite
        model = type(self.instance)
        # Lock the row until the end of the transaction: two saves cannot both pass.
        current = model._default_manager.select_for_update().get(pk=self.instance.pk)
        token = read_token(self.data.get(TOKEN_FIELD))
        stale = token is None or current.updated_at != token[0]
        if not stale and not self.data.get(BASE_FIELD):
            return cleaned
        base_id = self.data.get(BASE_FIELD) or (token and token[1])
        self.conflict = self.merge(current, base_id, token)
        if stale:
            self.show_merge(current, base_id)
            raise ValidationError(self.conflict.message(model._meta.verbose_name), code="conflict")
        if self.conflict.undecided:
            raise ValidationError(
                _("Choose, for each field you both changed, which version to keep."),
                code="conflict",
            )
        for row in self.conflict.fields:
            if row.keeps_theirs:
                self.keep(current, row.field)
        return cleaned

    def merge(
        self,
        current: Publishable,
        base_id: str | int | None,
        token: tuple[datetime, int | None] | None,
    ) -> Conflict:
        model = type(current)
        versions = revisions.versions_of(current)
        base = versions.filter(pk=int(base_id)).first() if str(base_id).isdigit() else None
        fields = revisions.compared_fields(model)
        merged = three_way(
            fields,
            revisions.snapshot(base) if base else None,
            revisions.current_snapshot(current),
            self.posted_snapshot(fields),
        )
        for row in merged:
            row.choice = self.data.get(f"merge_{row.name}", "")
        latest = versions.first()
        user = latest.revision.user if latest else None
        if token and latest and latest.revision.date_created < token[0]:
            user = None
        return Conflict(
            by=(user.get_full_name() or user.get_username()) if user else _("Someone"),
            at=current.updated_at,
            fields=merged,
            token_missing=token is None,
        )

    def posted_snapshot(self, fields: Iterable[models.Field]) -> dict[str, Any]:
        """Field name → value as this form would save it, in `revisions.snapshot`'s terms."""
        values: dict[str, Any] = {}
        for model_field in fields:
            name = model_field.name
            if name in self.fields:
                if name not in self.cleaned_data:
                    continue  # invalid: reported on the field itself
                value = self.cleaned_data[name]
                if model_field.many_to_many:
                    value = sorted(related.pk for related in value)
                elif model_field.is_relation:
                    value = value.pk if value is not None else None
                values[name] = value
            elif model_field.many_to_many:
                links = posted_links(model_field, self.data)
                if links is not None:
                    values[name] = links
        return values

    def show_merge(self, current: Publishable, base_id: str | int | None) -> None:
        """Carry the merge into the next save: the token moves on to the saved record, the
        base stays the version first opened, and the form shows what only they changed."""
        self.data = self.data.copy()
        self.data[TOKEN_FIELD] = edit_token(current)
        self.data[BASE_FIELD] = str(base_id) if base_id else UNKNOWN_BASE
        for row in self.conflict.fields:
            if row.outcome == THEIRS and row.name in self.fields:
                self.put(row.name, row.theirs)

    def put(self, name: str, value: Any) -> None:
        widget = self.fields[name].widget
        widget = getattr(widget, "widget", widget)  # inside the admin's related-field wrapper
        key = self.add_prefix(name)
        if isinstance(widget, forms.MultiWidget):
            if isinstance(value, datetime):
                value = value.replace(microsecond=0)
            for suffix, part in zip(widget.widgets_names, widget.decompress(value), strict=True):
                self.data[key + suffix] = "" if part is None else str(part)
        elif isinstance(value, list):
            self.data.setlist(key, [str(item) for item in value])
        elif isinstance(widget, forms.CheckboxInput):
            self.data.setlist(key, ["on"] if value else [])
        else:
            self.data[key] = "" if value is None else str(value)

    def keep(self, current: models.Model, model_field: models.Field) -> None:
        """Save `model_field` as it is in the database rather than as posted."""
        name = model_field.name
        if name not in self.fields:
            self.keep_current.add(name)  # links saved by an inline: leave them alone
        elif model_field.many_to_many:
            self.cleaned_data[name] = list(getattr(current, name).all())
        else:
            self.cleaned_data[name] = getattr(current, name)


# ---- records kept without versions -------------------------------------------------------

SEEN_FIELD = "seen"


def stored_values(record: models.Model) -> dict[str, Any]:
    """Field name → what `record` holds, as `comparable` has it; links as sorted keys."""
    values: dict[str, Any] = {}
    for model_field in record._meta.concrete_fields + record._meta.many_to_many:
        if not model_field.editable or model_field.primary_key:
            continue
        if model_field.many_to_many:
            value = sorted(getattr(record, model_field.name).values_list("pk", flat=True))
        else:
            value = getattr(record, model_field.attname)
        values[model_field.name] = comparable(value)
    return values


def shown(record: models.Model, name: str) -> str:
    """What `record` holds in field `name`, as a reader would name it."""
    value = getattr(record, name)
    if isinstance(value, models.Manager):
        value = ", ".join(str(related) for related in value.all())
    return Truncator(str(value) if value not in (None, "") else "—").chars(80)


def fingerprint(record: models.Model) -> str:
    """A digest of what `record` holds, to tell whether it changed since a form showed it."""
    text = json.dumps(stored_values(record), sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


class SeenValuesForm(forms.ModelForm):
    """For reference records kept without versions (regions, countries, offices, themes,
    summits): the form carries a digest of the record as it was opened, and a save is
    refused when the record has changed since (or the form does not say), naming the
    fields where the saved record now differs from the form, with the form's input kept.
    Saving again then keeps the form's values, deliberately."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial[SEEN_FIELD] = fingerprint(self.instance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not (self.instance.pk and self.is_bound):
            return cleaned
        model = type(self.instance)
        # Lock the row until the end of the transaction: two saves cannot both pass.
        current = model._default_manager.select_for_update().get(pk=self.instance.pk)
        now = fingerprint(current)
        if self.data.get(self.add_prefix(SEEN_FIELD)) == now:
            return cleaned
        self.data = self.data.copy()
        self.data[self.add_prefix(SEEN_FIELD)] = now
        raise ValidationError(
            _(
                "This %(noun)s was saved by someone else after you opened this form, or the "
                "form does not say when it was opened. Nothing was saved; your input is kept "
                "below. Where the saved %(noun)s now differs from it: %(fields)s. Save again "
                "to keep your values, or reload the page to start from the saved ones."
            )
            % {
                "noun": model._meta.verbose_name,
                "fields": "; ".join(self.differences(current)) or _("nothing"),
            },
            code="conflict",
        )

    def differences(self, current: models.Model) -> Iterator[str]:
        """'Label: “saved value”' for each field the form would change."""
        saved = stored_values(current)
        for name, value in saved.items():
            if name not in self.cleaned_data or name not in self.fields:
                continue
            mine = self.cleaned_data[name]
            if isinstance(mine, models.Model):
                mine = mine.pk
            elif isinstance(mine, models.QuerySet | list):
                mine = sorted(item.pk for item in mine)
            if comparable(mine) != value:
                yield f"{self.fields[name].label}: “{shown(current, name)}”"
