"""Query expressions the ORM lacks."""

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor
from django.db.models.sql.compiler import SQLCompiler


class LinkedIds(models.Func):
    """The ids of the records a row links to through a link model, in the link model's
    order, joined by commas: the few records a row names, read with the row instead of by
    a query of their own. Read them back with `ids_of`.

    `links` is the reverse relation to the link model (`NewsRelease.contact_links`) and
    `target` the link model's foreign key to what is named; the link model's
    `Meta.ordering` names plain fields. The SQL is written out from
    the models' metadata: a nested ORM subquery costs more to compile than the query it
    saves (bench/RESULTS.md)."""

    output_field = models.TextField()

    def __init__(self, links: ReverseManyToOneDescriptor, target: str) -> None:
        if not links.field.target_field.primary_key:
            raise ValueError(f"{links.field} must point at its model's primary key.")
        self.link_model = links.field.model
        self.owner_column = links.field.column
        self.target_column = self.link_model._meta.get_field(target).column
        super().__init__(models.F("pk"))

    def links_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, Sequence[Any]]:
        quote = connection.ops.quote_name
        owner_sql, params = compiler.compile(self.source_expressions[0])
        meta = self.link_model._meta
        order = ", ".join(
            quote(meta.get_field(name.lstrip("-")).column) + (" DESC" if name[0] == "-" else "")
            for name in meta.ordering
        )
        sql = (
            f"SELECT {quote(self.target_column)} FROM {quote(meta.db_table)}"
            f" WHERE {quote(self.owner_column)} = {owner_sql}"
            + (f" ORDER BY {order}" if order else "")
        )
        return sql, params

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, Sequence[Any]]:
        # SQLite documents group_concat's order as arbitrary; it follows the ordered
        # subquery, which an aggregating outer query never flattens into itself (ORDER BY
        # inside group_concat needs SQLite 3.44). tests/site/test_pages.py checks it.
        sql, params = self.links_sql(compiler, connection)
        target = connection.ops.quote_name(self.target_column)
        return f"(SELECT group_concat({target}, ',') FROM ({sql}))", params

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, Sequence[Any]]:
        sql, params = self.links_sql(compiler, connection)
        return f"array_to_string(ARRAY({sql}), ',')", params


def ids_of(joined: str | None) -> list[int]:
    """The ids a `LinkedIds` read, in their order."""
    return [int(pk) for pk in joined.split(",")] if joined else []
