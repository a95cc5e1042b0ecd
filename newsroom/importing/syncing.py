"""Writing imported values onto records without overwriting what editors changed.

Each record remembers, in `source_values`, what the last import wrote to each field. On a
re-import a field is updated only while it still holds that value; a field an editor
changed since is left alone and reported as a conflict, unless the import overwrites.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models

from iomcms.core.fields import normalise_text


def as_json(value: Any) -> Any:
    """The form a value is compared and remembered in; text as it is stored (LF line ends,
    no trailing whitespace), so a line ending is never taken for an editor's change."""
    if isinstance(value, models.Model):
        return value.natural_key()[0]
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, str):
        return normalise_text(value)
    return value


def current_value(record: models.Model, name: str) -> Any:
    model_field = record._meta.get_field(name)
    if model_field.many_to_many:
        if name == "contacts":
            return list(record.ordered_contacts())
        return sorted(getattr(record, name).all(), key=lambda item: item.natural_key())
    return getattr(record, name)


def is_empty(value: Any) -> bool:
    return value in (None, "", [])


@dataclass
class Outcome:
    action: str  # "created", "updated" or "unchanged"
    record: models.Model
    conflicts: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unresolved: dict[str, Any] = field(default_factory=dict)  # field name → records.Unresolved


def set_many(record: models.Model, name: str, values: list[models.Model]) -> None:
    if name == "contacts":
        record.contact_links.all().delete()
        for position, contact in enumerate(values):
            record.contact_links.create(contact=contact, position=position)
    else:
        getattr(record, name).set(values)


def sync(record: models.Model, values: dict[str, Any], *, overwrite: bool = False) -> Outcome:
    """Apply `values` (field name → value) to `record`, saved or new; return the outcome.

    Many-to-many values are lists; they are compared as sets except media contacts,
    whose order is part of the release.
    """
    is_new = record.pk is None
    values = {name: _ordered(record, name, value) for name, value in values.items()}
    baseline = {name: as_json(value) for name, value in (record.source_values or {}).items()}
    chosen, conflicts = {}, []
    for name, value in values.items():
        if is_new:
            chosen[name] = value
            continue
        new, current = as_json(value), as_json(current_value(record, name))
        editor_left_it = current == baseline[name] if name in baseline else is_empty(current)
        if current == new:
            baseline[name] = new
        elif overwrite or editor_left_it:
            chosen[name] = value
        else:
            conflicts.append(name)
    baseline.update({name: as_json(value) for name, value in chosen.items()})

    if is_new or chosen or baseline != record.source_values:
        record.source_values = baseline
        for name, value in chosen.items():
            if not _is_many(record, name):
                setattr(record, name, value)
        record.save()
    for name, value in chosen.items():
        if _is_many(record, name):
            set_many(record, name, value)
    action = "created" if is_new else ("updated" if chosen else "unchanged")
    return Outcome(action, record, conflicts, sorted(chosen))


def _is_many(record: models.Model, name: str) -> bool:
    return record._meta.get_field(name).many_to_many


def _ordered(record: models.Model, name: str, value: Any) -> Any:
    if _is_many(record, name) and name != "contacts":
        return sorted(value, key=lambda item: item.natural_key())
    return value
