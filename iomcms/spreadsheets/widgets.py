"""How one spreadsheet cell becomes a field value and back.

Every widget raises `ValueError` with a sentence an editor can act on; the resource turns it
into an error that names the row and the column. Related records are looked up by natural
key in a table loaded once per import, never one query per row, and a key nobody knows is an
error: an import never creates a country, office or theme on the side.
"""

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.db.models import Manager, Model
from django.utils import timezone
from import_export import widgets

T = TypeVar("T")

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: T) -> T:
    """Prefix `'` to a text cell a spreadsheet would run as a formula; leave the rest."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore(value: T) -> T:
    """Undo `neutralise`, so a value that went out and comes back in is unchanged."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class TextWidget(widgets.CharWidget):
    """Text as it is, with a neutralised formula prefix taken off again."""

    def clean(self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a spreadsheet turned "2021" into 2021.0
        return restore(str(value))

    def render(self, value: Any, obj: Model | None = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class NumberWidget(widgets.Widget):
    """Numbers stay numbers on export (never neutralised): spreadsheets sum them."""

    numeric = True

    def __init__(self, integer: bool = False) -> None:
        super().__init__(coerce_to_string=False)
        self.integer = integer

    def clean(
        self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> Decimal | int | None:
        if is_blank(value):
            return None
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f'"{value}" is not a number.') from None
        if not number.is_finite():
            raise ValueError(f'"{value}" is not a number.')
        if self.integer:
            if number != number.to_integral_value():
                raise ValueError(f'"{value}" is not a whole number.')
            return int(number)
        return number

    def render(self, value: T, obj: Model | None = None, **kwargs: Any) -> T:
        return value


class IsoDateWidget(widgets.Widget):
    """Dates as YYYY-MM-DD; a spreadsheet's own date cells are accepted too."""

    def clean(
        self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> date | None:
        if is_blank(value):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f'"{value}" is not a date written as YYYY-MM-DD.') from None

    def render(self, value: date | None, obj: Model | None = None, **kwargs: Any) -> str:
        return value.isoformat() if value else ""


class IsoDateTimeWidget(widgets.Widget):
    """Times as ISO 8601 in UTC, e.g. 2024-05-01T09:00:00+00:00; without an offset, the
    site's time zone (`TIME_ZONE`), never the zone of whoever imports the file, so the admin
    and the command line read one file alike."""

    def clean(
        self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> datetime | None:
        if is_blank(value):
            return None
        if not isinstance(value, datetime):
            try:
                value = datetime.fromisoformat(str(value).strip())
            except ValueError:
                raise ValueError(
                    f'"{value}" is not a time written as YYYY-MM-DDTHH:MM:SS+00:00.'
                ) from None
        if timezone.is_naive(value):
            value = timezone.make_aware(value, timezone.get_default_timezone())
        return value

    def render(self, value: datetime | None, obj: Model | None = None, **kwargs: Any) -> str:
        return value.astimezone(UTC).isoformat() if value else ""


class ChoiceWidget(widgets.Widget):
    """A choice by its stored value or its label, in any case."""

    def __init__(self, choices: Sequence[tuple[str, Any]], blank: bool = True) -> None:
        super().__init__()
        self.choices = choices
        self.blank = blank
        self._lookup: dict[str, str] | None = None

    def clean(self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any) -> str:
        if is_blank(value):
            if self.blank:
                return ""
            raise ValueError("A value is required.")
        if self._lookup is None:
            self._lookup = {str(label).lower(): stored for stored, label in self.choices}
            self._lookup.update({stored.lower(): stored for stored, _ in self.choices})
        found = self._lookup.get(str(value).strip().lower())
        if found is not None:
            return found
        allowed = ", ".join(stored for stored, _ in self.choices)
        raise ValueError(f'"{value}" is not one of: {allowed}.')

    def render(self, value: str | None, obj: Model | None = None, **kwargs: Any) -> str:
        return value or ""


class UuidWidget(widgets.Widget):
    """A key such as a translation group's, written as a UUID; an empty cell gives None."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        try:
            return uuid.UUID(str(value).strip())
        except ValueError:
            raise ValueError(
                f'"{value}" is not a translation group: copy the group\'s key from an export '
                "(32 hexadecimal digits, as 5b0f9a4e-4c1d-4a51-9b0e-1f3c2d7e8a60), or leave "
                "the cell empty."
            ) from None

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record by its natural key (or another name it goes by).

    `index()` returns every accepted spelling, normalised by `normalise`, mapped to its
    record; it is called once per import.
    """

    def __init__(
        self,
        model: type[Model],
        field: str,
        index: Callable[[], dict[str, Model]] | None = None,
        normalise: Callable[[str], str] = str.lower,
        noun: str | None = None,
        key: Callable[[Model], Any] | None = None,
    ) -> None:
        super().__init__(model, field=field)
        self.key = key or (lambda record: getattr(record, field))
        self._make_index = index or (
            lambda: {normalise(getattr(obj, field)): obj for obj in model.objects.all()}
        )
        self.normalise = normalise
        self.noun = noun or model._meta.verbose_name
        self._index: dict[str, Model] | None = None

    def __deepcopy__(self, memo):
        # Each resource instance loads its own table.
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._index = None
        return clone

    def lookup(self, key: str) -> Model:
        if self._index is None:
            self._index = self._make_index()
        found = self._index.get(self.normalise(str(key).strip()))
        if found is None:
            raise ValueError(f'Unknown {self.noun} "{key}".')
        return found

    def clean(
        self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> Model | None:
        if is_blank(value):
            return None
        return self.lookup(restore(str(value)))

    def render(self, value: Model | None, obj: Model | None = None, **kwargs: Any) -> Any:
        return self.key(value) if value is not None else ""


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Several related records in one cell, e.g. `AR|CL|PE`; unknown keys are an error."""

    def __init__(
        self,
        model: type[Model],
        field: str,
        separator: str = "|",
        ordered: bool = False,
        **lookup: Any,
    ) -> None:
        super().__init__(model, separator=separator, field=field)
        self.ordered = ordered  # whether the order of the keys in the cell matters
        self.one = NaturalKeyWidget(model, field, **lookup)

    def clean(
        self, value: Any, row: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> list[Model]:
        if is_blank(value):
            return []
        keys = [key.strip() for key in restore(str(value)).split(self.separator)]
        found: list[Model] = []
        unknown: list[str] = []
        for key in filter(None, keys):
            try:
                record = self.one.lookup(key)
            except ValueError:
                unknown.append(key)
            else:
                if record not in found:
                    found.append(record)
        if unknown:
            names = ", ".join(f'"{key}"' for key in unknown)
            raise ValueError(f"Unknown {self.one.noun} {names}.")
        return found

    def render(
        self, value: list[Model] | Manager | None, obj: Model | None = None, **kwargs: Any
    ) -> str:
        if value is None:
            return ""
        records = value if isinstance(value, list) else value.all()
        return self.separator.join(str(self.one.key(record)) for record in records)
