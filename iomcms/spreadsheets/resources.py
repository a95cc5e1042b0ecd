"""What every spreadsheet resource shares: safe exports, whole-file checks, fast imports.

- Export: a text cell a spreadsheet would run as a formula gets a `'` in front; numbers stay
  numbers. Import takes the `'` off again, so a value that goes out and back is unchanged.
- Import: a file is refused as a whole, before any row is read, when it has too many rows,
  misses a required column or has one nobody knows. Each row's errors name the column.
  Two rows with the same natural key (or slug, or other unique value) are an error. Any error
  rolls the whole import back.
- Preview: each row as it will be, long text folded, changes marked (`spreadsheet_preview`).
- Speed: related records and existing rows are loaded once per import, uniqueness is checked
  in memory, rows are inserted in batches, many-to-many links and versions are written in
  bulk after the rows (see `bulk`), and versions are made from the rows as written.
"""

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import copy
from decimal import Decimal
from typing import Any

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from import_export import fields, resources
from import_export.formats import base_formats
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import Result, RowResult
from import_export.widgets import Widget

from iomcms.core.bulk import insert, replace_links
from iomcms.core.publishing import Status
from iomcms.core.translations import Language
from iomcms.editorial.revisions import edited_since, record_versions_as_written

from .preview import PreviewDiff, PreviewResult
from .widgets import (
    ChoiceWidget,
    IsoDateTimeWidget,
    NaturalKeysWidget,
    NaturalKeyWidget,
    TextWidget,
    UuidWidget,
    neutralise,
)


class SpreadsheetRefused(ValueError):
    """A whole file that cannot be imported; the message says why."""


class Field(fields.Field):
    """A column; many-to-many values read during an import are shown before they are saved.

    `reader` names a method giving the current value when the attribute alone does not
    (e.g. contacts in the order a release lists them).
    """

    def __init__(self, *args: Any, reader: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reader = reader

    def get_value(self, instance: Model) -> Any:
        pending = getattr(instance, "_import_m2m", None) or {}
        if self.attribute in pending:
            return pending[self.attribute]
        if self.reader:
            return getattr(instance, self.reader)() if instance.pk else []
        return super().get_value(instance)


def column(
    attribute: str, name: str, widget: Widget | None = None, reader: str | None = None
) -> Field:
    """A resource field: the model attribute, the column's human name, how cells read."""
    return Field(
        attribute=attribute, column_name=name, widget=widget or TextWidget(), reader=reader
    )


def status_column() -> Field:
    return column("status", "Status", ChoiceWidget(Status.choices, blank=False))


def go_live_column() -> Field:
    return column("go_live_at", "Go-live time", IsoDateTimeWidget())


def language_column() -> Field:
    return column("language", "Language", ChoiceWidget(Language.choices, blank=False))


def translation_group_column():
    """The key a record shares with its translations. An empty cell leaves a record's group
    as it is, and starts a group of its own for a new one."""
    return Field(
        attribute="translation_key",
        column_name="Translation group",
        widget=UuidWidget(),
        saves_null_values=False,
    )


# ---- formats ---------------------------------------------------------------------------


class CSV(base_formats.CSV):
    pass


class XLSX(base_formats.XLSX):
    pass


class JSON(base_formats.JSON):
    """A list of objects, one per row; numbers are JSON numbers both ways."""

    def create_dataset(self, in_stream: str | bytes, **kwargs: Any) -> tablib.Dataset:
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        rows = json.loads(in_stream, parse_float=Decimal)
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise SpreadsheetRefused("A JSON file must hold a list of objects, one per row.")
        headers = list(dict.fromkeys(key for row in rows for key in row))
        dataset = tablib.Dataset(headers=headers)
        for row in rows:
            dataset.append([row.get(header) for header in headers])
        return dataset

    def export_data(self, dataset: tablib.Dataset, **kwargs: Any) -> str:
        return json.dumps(dataset.dict, ensure_ascii=False, indent=1, default=_json_number)


def _json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


FORMATS = (CSV, XLSX, JSON)
FORMATS_BY_NAME = {fmt().get_extension(): fmt for fmt in FORMATS}


def read_failure(error: Exception) -> str:
    """A sentence saying why a file could not be read at all."""
    if isinstance(error, UnicodeDecodeError):
        return (
            f"The file is not UTF-8 text: byte 0x{error.object[error.start]:02x} at position "
            f"{error.start} is not UTF-8. Save it as “CSV UTF-8” and try again."
        )
    if isinstance(error, json.JSONDecodeError):
        return f"The file is not valid JSON: {error.msg} at line {error.lineno}."
    if isinstance(error, SpreadsheetRefused):
        return str(error)
    return "The file could not be read in the chosen format (CSV, XLSX or JSON)."


def load_dataset(
    data: bytes, fmt: type[base_formats.Format], encoding: str = "utf-8-sig"
) -> tablib.Dataset:
    """A tablib Dataset from the bytes of a file; `SpreadsheetRefused` says why not."""
    file_format = fmt(encoding=encoding)
    try:
        if not file_format.is_binary():
            data = data.decode(encoding)
        return file_format.create_dataset(data)
    except Exception as error:  # every reader raises its own kinds
        raise SpreadsheetRefused(read_failure(error)) from error


def result_errors(result: Result) -> list[tuple[int, str, str]]:
    """(row, column, message) for every error of an import result; row 0 is the file."""
    errors = [(0, "", str(error.error)) for error in result.base_errors]
    for row in result.invalid_rows:
        for column, messages in row.error_dict.items():
            label = "" if column == NON_FIELD_ERRORS else column
            errors.extend((row.number, label, str(message)) for message in messages)
    for row in result.error_rows:
        errors.extend((row.number, "", str(error.error)) for error in row.errors)
    return errors


# ---- loading existing rows --------------------------------------------------------------


class NaturalKeyInstanceLoader(BaseInstanceLoader):
    """Finds the records a file names by natural key, in a few queries for the whole file."""

    CHUNK = 500

    def __init__(
        self, resource: "SpreadsheetResource", dataset: tablib.Dataset | None = None
    ) -> None:
        super().__init__(resource, dataset)
        self.field = resource.fields[resource.get_import_id_fields()[0]]
        self.normalise = resource.key_normaliser
        self.instances: dict[Any, Model] = {}
        self.language: Any = None
        column = self.field.column_name
        if dataset is None or column not in (dataset.headers or ()):
            return
        # A key shared by a record's translations is matched with the row's language.
        if self.field.attribute in resource.unique_per_language:
            language = resource.fields.get("language")
            if language is not None and language.column_name in dataset.headers:
                self.language = language
        keys = sorted({self.key(value) for value in dataset[column]} - {""})
        queryset = resource.get_queryset()
        for start in range(0, len(keys), self.CHUNK):
            for instance in resource.filter_by_keys(queryset, keys[start : start + self.CHUNK]):
                key = self.key(self.field.get_value(instance))
                self.instances[(key, instance.language) if self.language else key] = instance

    def key(self, value: Any) -> str:
        return self.normalise(str(self.field.widget.clean(value) or "").strip())

    def get_instance(self, row: dict[str, Any]) -> Model | None:
        key = self.key(row[self.field.column_name])
        if self.language is None:
            return self.instances.get(key)
        try:
            language = self.language.clean(row)
        except ValueError:
            return None  # the row's error says why
        return self.instances.get((key, language))


# ---- the resource base ------------------------------------------------------------------


class SpreadsheetResource(resources.ModelResource):
    """Subclasses declare explicit fields with human column names and say:

    - `required_columns`: column names a file must have;
    - `unique_fields`: attributes that must be unique (checked against the database and
      within the file), with how values are compared;
    - `key_normaliser`: how natural keys are compared (e.g. lower case for e-mails);
    - `unique_per_language`: those of `unique_fields` unique within a language only (a
      project's translations share its Projects ID): with a Language column, rows are
      matched by the natural key and the language.
    """

    required_columns: tuple[str, ...] = ()
    unique_fields: dict = {}
    key_normaliser = staticmethod(str)
    unique_per_language: tuple[str, ...] = ()
    slug_from = None  # fill an empty slug from this attribute
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()

    class Meta:
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        instance_loader_class = NaturalKeyInstanceLoader
        chunk_size = 2000

    def __init__(
        self,
        diff: bool = True,
        progress: Callable[[int, int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not diff:
            # Command line: no per-row diff to show, so none is computed.
            self._meta = copy(type(self)._meta)
            self._meta.skip_diff = True
        self.progress = progress
        self.columns = {field.attribute: field.column_name for field in self.fields.values()}

    @classmethod
    def get_result_class(cls) -> type[PreviewResult]:
        return PreviewResult

    @classmethod
    def get_diff_class(cls) -> type[PreviewDiff]:
        return PreviewDiff

    # -- querying -------------------------------------------------------------------------

    def get_queryset(self) -> QuerySet:
        return (
            super()
            .get_queryset()
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def filter_by_keys(self, queryset: QuerySet, keys: Sequence[str]) -> QuerySet:
        attribute = self.fields[self.get_import_id_fields()[0]].attribute
        return queryset.filter(**{f"{attribute}__in": keys})

    def filter_export(self, queryset: Iterable[Model], **kwargs: Any) -> Iterable[Model]:
        if not isinstance(queryset, QuerySet):
            return queryset
        return queryset.select_related(*self.select_related).prefetch_related(
            *self.prefetch_related
        )

    # -- export ---------------------------------------------------------------------------

    def after_export(
        self, queryset: Iterable[Model], dataset: tablib.Dataset, **kwargs: Any
    ) -> None:
        # The sheet of an XLSX file is named after what it holds, "Projects" say.
        dataset.title = self._meta.name or self._meta.model._meta.verbose_name_plural.capitalize()
        super().after_export(queryset, dataset, **kwargs)

    def export_field(self, field: fields.Field, instance: Model, **kwargs: Any) -> Any:
        value = super().export_field(field, instance, **kwargs)
        if getattr(field.widget, "numeric", False):
            return value
        return neutralise(value)

    # -- whole-file checks ----------------------------------------------------------------

    def import_data(
        self,
        dataset: tablib.Dataset,
        dry_run: bool = False,
        raise_errors: bool = False,
        **kwargs: Any,
    ) -> Result:
        try:
            self.check_file(dataset)
        except SpreadsheetRefused as refusal:
            result = self.get_result_class()()
            result.diff_headers = self.get_diff_headers()
            result.total_rows = len(dataset)
            self.handle_import_error(result, refusal, raise_errors)
            return result
        self.total_rows = len(dataset)
        self._seen = {attribute: {} for attribute in self.unique_fields}
        self._seen_translations = {}
        self._taken_translations = None
        self._taken = None
        self._pending_m2m = []
        self._saved = []
        self._read_at = kwargs.pop("read_at", None)
        self._imported_at = timezone.now()
        # Any invalid row rolls everything back, on every path (admin, command line).
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def check_file(self, dataset: tablib.Dataset) -> None:
        limit = settings.SPREADSHEET_MAX_ROWS
        if len(dataset) > limit:
            raise SpreadsheetRefused(
                f"The file has {len(dataset):,} rows; at most {limit:,} can be imported at "
                "once. Split it into smaller files."
            )
        known = {field.column_name.lower(): field.column_name for field in self.fields.values()}
        headers, unknown = [], []
        for header in dataset.headers or ():
            name = str(header or "").strip()
            if name and name.lower() not in known:
                unknown.append(name)
            headers.append(known.get(name.lower(), name))
        if unknown:
            raise SpreadsheetRefused(
                f"Unknown columns: {', '.join(unknown)}. The columns are: "
                f"{', '.join(field.column_name for field in self.get_import_fields())}."
            )
        if len(set(filter(None, headers))) != len(list(filter(None, headers))):
            raise SpreadsheetRefused("Two columns have the same name.")
        missing = [column for column in self.required_columns if column not in headers]
        if missing:
            raise SpreadsheetRefused(f"Missing required columns: {', '.join(missing)}.")
        if dataset.headers:
            dataset.headers = headers

    # -- rows -----------------------------------------------------------------------------

    def before_import_row(self, row: dict[str, Any], **kwargs: Any) -> None:
        self.row_number = kwargs.get("row_number")

    def after_import_row(self, row: dict[str, Any], row_result: RowResult, **kwargs: Any) -> None:
        if self.progress and self.row_number % 1000 == 0:
            self.progress(self.row_number, self.total_rows)

    def get_import_fields(self) -> list[fields.Field]:
        # Asked for several times a row; the answer never changes.
        if not hasattr(self, "_import_fields"):
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def get_bulk_update_fields(self) -> list[str]:
        m2m = {field.attribute for field in self.m2m_fields()}
        return [name for name in super().get_bulk_update_fields() if name not in m2m]

    def m2m_fields(self) -> list[fields.Field]:
        if not hasattr(self, "_m2m_fields"):
            self._m2m_fields = [
                f for f in self.get_import_fields() if isinstance(f.widget, NaturalKeysWidget)
            ]
        return self._m2m_fields

    def after_init_instance(
        self, instance: Model, new: bool, row: dict[str, Any], **kwargs: Any
    ) -> None:
        instance._import_m2m = {}
        instance._import_before = None if new else self.comparable(instance)
        instance._import_go_live = getattr(instance, "go_live_at", None)

    def comparable(self, instance: Model) -> dict[str, Any]:
        values = {}
        for field in self.get_import_fields():
            value = field.get_value(instance)
            if isinstance(field.widget, NaturalKeysWidget):
                records = value if isinstance(value, list) else list(value.all())
                value = [record.pk for record in records]
                if not field.widget.ordered:
                    value = sorted(value)
            values[field.attribute] = value
        return values

    def import_instance(self, instance: Model, row: dict[str, Any], **kwargs: Any) -> None:
        errors: dict[str, list[Any]] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.m2m_fields():
            if field.column_name in row:
                try:
                    instance._import_m2m[field.attribute] = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if getattr(instance, "status", None) == Status.PUBLISHED and not instance.go_live_at:
            # As saving one does (rows are written in bulk, without save()): a published
            # record knows when it went live, so lists sort it. An empty cell keeps the
            # time the record had, so importing the same file again changes nothing.
            instance.go_live_at = instance._import_go_live or self._imported_at
        if self.slug_from and not instance.slug:
            max_length = instance._meta.get_field("slug").max_length
            instance.slug = slugify(getattr(instance, self.slug_from) or "")[:max_length]
        # Here, not with the other checks: a row that changes nothing is skipped before
        # those run, and its key must still be known to the rows after it.
        self.check_repeated(instance, errors)
        self.check_repeated_translation(instance, errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(
        self,
        instance: Model,
        original: Model | None,
        row: dict[str, Any],
        import_validation_errors: dict[str, list[Any]] | None = None,
    ) -> bool:
        before = getattr(instance, "_import_before", None)
        if import_validation_errors or before is None:
            return False
        return self.comparable(instance) == before

    def validate_instance(
        self,
        instance: Model,
        import_validation_errors: dict[str, list[Any]] | None = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(
                exclude=[*errors, *self.not_validated()],
                # Uniqueness is checked in memory (check_unique) and the other constraints
                # by validators and check_row: no query per row. The database still
                # enforces them all, and any failure rolls the import back.
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.check_unique(instance, errors)
        self.check_translation_taken(instance, errors)
        self.check_row(instance, errors)
        self.check_not_edited_since_read(instance, errors)
        if errors:
            raise ValidationError(
                {self.column_for(name): messages for name, messages in errors.items()}
            )

    def not_validated(self) -> list[str]:
        """Fields full_clean need not check: not editable, or a related record the widget
        has already found (checking would cost a query a row)."""
        if not hasattr(self, "_not_validated"):
            found = {
                field.attribute
                for field in self.fields.values()
                if isinstance(field.widget, NaturalKeyWidget)
            }
            self._not_validated = [
                f.name for f in self._meta.model._meta.fields if not f.editable or f.name in found
            ]
        return self._not_validated

    def column_for(self, name: str) -> str:
        if name == NON_FIELD_ERRORS:
            return name
        return self.columns.get(name, name)

    def check_row(self, instance: Model, errors: dict[str, list[Any]]) -> None:
        """Rules the database enforces that full_clean cannot see; add to `errors`."""

    def check_not_edited_since_read(self, instance: Model, errors: dict[str, list[Any]]) -> None:
        """A row may not overwrite a record someone saved after the file was read."""
        edited = getattr(instance, "updated_at", None)
        if self._read_at and instance.pk and edited and edited > self._read_at:
            errors[NON_FIELD_ERRORS] = [edited_since(instance, self._read_at)]

    def after_save_instance(self, instance: Model, row: dict[str, Any], **kwargs: Any) -> None:
        super().after_save_instance(instance, row, **kwargs)
        self._saved.append(instance)

    def unique_values(
        self, instance: Model, errors: Mapping[str, Any]
    ) -> Iterator[tuple[str, Any, str | tuple[str, str]]]:
        """(attribute, value, comparable value) of each unique field the row has; with its
        language for those unique within a language."""
        for attribute, normalise in self.unique_fields.items():
            value = getattr(instance, attribute)
            if value and attribute not in errors:
                key = normalise(str(value).strip())
                if attribute in self.unique_per_language:
                    key = (key, instance.language)
                yield attribute, value, key

    def check_repeated(self, instance: Model, errors: dict[str, list[Any]]) -> None:
        """Two rows of one file with the same key, slug or other unique value are an error,
        whatever they hold. A repeated key is the only error told: the row's other values
        are the same record's."""
        repeated: dict[str, list[Any]] = {}
        for attribute, value, key in self.unique_values(instance, errors):
            seen = self._seen[attribute]
            if key in seen:
                repeated[attribute] = [f'"{value}" is also on row {seen[key]} of this file.']
            seen.setdefault(key, self.row_number)
        key_attribute = self.fields[self.get_import_id_fields()[0]].attribute
        if key_attribute in repeated:
            repeated = {key_attribute: repeated[key_attribute]}
        errors.update(repeated)

    def check_unique(self, instance: Model, errors: dict[str, list[Any]]) -> None:
        """A unique value another record in the database already has is an error."""
        if self._taken is None:
            model = self._meta.model
            self._taken = {}
            for attribute, normalise in self.unique_fields.items():
                per_language = attribute in self.unique_per_language
                rows = model.objects.exclude(**{attribute: ""}).values_list(
                    "pk", attribute, *(["language"] if per_language else [])
                )
                self._taken[attribute] = {
                    (
                        (normalise(str(value).strip()), *language)
                        if per_language
                        else normalise(str(value).strip())
                    ): pk
                    for pk, value, *language in rows
                }
        for attribute, value, key in self.unique_values(instance, errors):
            if self._taken[attribute].get(key, instance.pk) != instance.pk:
                noun = instance._meta.verbose_name
                errors[attribute] = [f'Another {noun} already has "{value}".']

    # -- translations: one record a language in a translation group ----------------------

    def translation_pair(self, instance, errors):
        """(group, language) of the row's record, for records with translation groups."""
        if "translation_key" not in self.columns or {"translation_key", "language"} & set(errors):
            return None
        return (str(instance.translation_key), instance.language)

    def check_repeated_translation(self, instance, errors):
        pair = self.translation_pair(instance, errors)
        if pair is None:
            return
        seen = self._seen_translations.setdefault(pair, self.row_number)
        if seen != self.row_number and not errors:
            errors["language"] = [
                f"Row {seen} of this file is in this translation group and language too."
            ]

    def check_translation_taken(self, instance, errors):
        pair = self.translation_pair(instance, errors)
        if pair is None:
            return
        if self._taken_translations is None:
            rows = self._meta.model.objects.values_list("pk", "translation_key", "language")
            self._taken_translations = {(str(key), code): pk for pk, key, code in rows}
        if self._taken_translations.get(pair, instance.pk) != instance.pk:
            noun = instance._meta.verbose_name
            language = instance.get_language_display()
            errors["language"] = [f"Another {noun} of this translation group is in {language}."]

    def bulk_create(
        self,
        using_transactions: bool,
        dry_run: bool,
        raise_errors: bool,
        batch_size: int | None = None,
        result: Result | None = None,
    ) -> None:
        """django-import-export's, writing through `bulk.insert`."""
        if self.create_instances and (using_transactions or not dry_run):
            try:
                insert(self._meta.model, self.create_instances, batch_size=batch_size)
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    # -- many-to-many ---------------------------------------------------------------------

    def save_m2m(self, instance: Model, row: dict[str, Any], **kwargs: Any) -> None:
        if not instance._import_m2m:
            return
        if self._meta.use_bulk:
            self._pending_m2m.append(instance)
        elif self._is_using_transactions(kwargs) or not self._is_dry_run(kwargs):
            for attribute, records in instance._import_m2m.items():
                replace_links(self._meta.model, attribute, [(instance, records)])

    def after_import(self, dataset: tablib.Dataset, result: Result, **kwargs: Any) -> None:
        if result.has_errors() or result.has_validation_errors():
            # The whole import is rolled back: its links and versions need not be written.
            self._pending_m2m, self._saved = [], []
        if self._pending_m2m and (
            self._is_using_transactions(kwargs) or not self._is_dry_run(kwargs)
        ):
            saved = [instance for instance in self._pending_m2m if instance.pk]
            for field in self.m2m_fields():
                pairs = [
                    (instance, instance._import_m2m[field.attribute])
                    for instance in saved
                    if field.attribute in instance._import_m2m
                ]
                replace_links(self._meta.model, field.attribute, pairs)
        self._pending_m2m = []
        if self._saved and not self._is_dry_run(kwargs):
            # Bulk-created rows send no signals: their versions are kept here, once the
            # rows and their links are written, from the rows as they were written.
            name = kwargs.get("file_name") or "a spreadsheet"
            record_versions_as_written(
                self._saved, user=kwargs.get("user"), comment=f"Imported from {name}."
            )
        self._saved = []
        super().after_import(dataset, result, **kwargs)
