"""Writing thousands of rows at once, for spreadsheet imports.

- `insert` is `bulk_create` without the search vector column: PostgreSQL's trigger fills it
  on insert whatever the statement says, and without it every column is a plain value, so
  Django sends a batch as one array a column (`UNNEST`) instead of a placeholder a cell.
- `append` adds rows nobody needs the primary keys of (versions, many-to-many links) with
  one `COPY` on PostgreSQL: Django's INSERT would have every value quoted in Python.
- `replace_links` sets the many-to-many links of many records in a few statements.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.db import connections, router
from django.db.models import Model, QuerySet


class _InsertQuerySet(QuerySet):
    def _batched_insert(self, objs, fields, *args, **kwargs):
        # The column keeps its default (NULL) and the database computes it.
        fields = [field for field in fields if not isinstance(field, SearchVectorField)]
        return super()._batched_insert(objs, fields, *args, **kwargs)


def insert(
    model: type[Model], instances: Iterable[Model], batch_size: int | None = None
) -> list[Model]:
    """Insert new `instances` of `model` as `bulk_create` does (primary keys set, no
    signals), leaving computed search vectors to the database."""
    return _InsertQuerySet(model).bulk_create(instances, batch_size=batch_size)


def append(
    model: type[Model],
    fields: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    using: str | None = None,
) -> None:
    """Insert `rows` of `model`: tuples of plain values (numbers, text, None) for the
    concrete `fields` named, in that order. Nothing comes back (no primary keys), no
    signals are sent and no field converts a value: for rows that need none of it.

    PostgreSQL copies them in one `COPY`; other databases take an `executemany`.
    """
    rows = list(rows)  # made before the copy starts: making them may query the database
    connection = connections[using or router.db_for_write(model)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copying = cursor.copy(f"COPY {table} ({columns}) FROM STDIN")
            with connection.wrap_database_errors, copying as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def replace_links(
    model: type[Model],
    attribute: str,
    pairs: Sequence[tuple[Model, Iterable[Model]]],
    chunk: int = 500,
) -> None:
    """Set the `attribute` links of many records: delete theirs, insert the new ones.

    `pairs` are (record, related records) in the order the links take (a `position`
    column, when the through model has one, keeps it); a link has no other columns."""
    field = model._meta.get_field(attribute)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pks = [instance.pk for instance, _ in pairs]
    for start in range(0, len(pks), chunk):
        through.objects.filter(**{f"{source}__in": pks[start : start + chunk]}).delete()
    if any(f.name == "position" for f in through._meta.fields):
        columns = (source, target, "position")
        rows = (
            (instance.pk, record.pk, position)
            for instance, records in pairs
            for position, record in enumerate(records)
        )
    else:
        columns = (source, target)
        rows = ((instance.pk, record.pk) for instance, records in pairs for record in records)
    append(through, columns, rows)
