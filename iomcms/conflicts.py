"""Refusing a save that would overwrite someone else's: optimistic locking for admin forms.

A change form carries an *edit token*: the record's `updated_at` when the form was opened
and the version the editor saw. On save, the record is locked and its `updated_at`
compared; if someone saved in between, the form is refused with what they changed, the
editor's input stays in the form, and the token moves on so that saving again is a
deliberate choice to replace their version.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from . import revisions

TOKEN_FIELD = "edit_token"


def edit_token(record):
    """What a form opened now knows about `record`: its last save and latest version."""
    version = revisions.latest_version(record)
    return f"{record.updated_at.isoformat()}|{version.pk if version else ''}"


def read_token(token):
    """(updated_at, version id or None) from a token; None for a malformed one."""
    saved, _sep, version = (token or "").partition("|")
    try:
        return datetime.fromisoformat(saved), int(version) if version else None
    except ValueError:
        return None


@dataclass
class Conflict:
    """Someone else's save, met by a form that was opened before it."""

    by: str
    at: datetime
    changes: list

    def message(self, noun):
        return _(
            "%(who)s saved this %(noun)s at %(when)s, after you opened it. Nothing was "
            "saved: your text is still in the form below, next to what they changed. "
            "Save again to replace their version with yours, or reload the page to start "
            "from theirs."
        ) % {"who": self.by, "noun": noun, "when": localize(template_localtime(self.at))}


def find_conflict(record, token):
    """The Conflict between the saved `record` and a form opened with `token`, or None.

    Locks the record's row until the end of the transaction, so two saves cannot both
    pass the check.
    """
    seen = read_token(token)
    if seen is None:
        return None
    seen_at, seen_version = seen
    model = type(record)
    current = model._default_manager.select_for_update().get(pk=record.pk)
    if current.updated_at == seen_at:
        return None
    latest = revisions.latest_version(current)
    before = None
    if seen_version:
        base = revisions.versions_of(current).filter(pk=seen_version).first()
        before = revisions.snapshot(base) if base else None
    after = revisions.current_snapshot(current)
    changes = revisions.changes(model, before, after) if before is not None else []
    user = latest.revision.user if latest and latest.revision.date_created >= seen_at else None
    by = (user.get_full_name() or user.get_username()) if user else _("Someone")
    return Conflict(by=by, at=current.updated_at, changes=changes)


class ConflictCheckForm(forms.ModelForm):
    """A model form that refuses to overwrite a save made after it was opened."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            if not self.is_bound and revisions.latest_version(self.instance) is None:
                # A record from before versions were kept: keep how it is now, so that a
                # conflict can show what changed since and the history can go back to it.
                revisions.record_versions(
                    [self.instance], comment=_("The record as it was before its first edit.")
                )
            self.fields[TOKEN_FIELD].initial = edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        token = self.data.get(TOKEN_FIELD) if self.is_bound else None
        if self.instance.pk and token:
            self.conflict = find_conflict(self.instance, token)
            if self.conflict:
                # Saving again, after reading what changed, replaces their version.
                self.data = self.data.copy()
                self.data[TOKEN_FIELD] = edit_token(self.instance)
                raise ValidationError(
                    self.conflict.message(self.instance._meta.verbose_name), code="conflict"
                )
        return cleaned
