from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from import_export.signals import post_import

from iomcms.core.registry import spreadsheets
from iomcms.core.search import merge_search_indexes
from iomcms.spreadsheets.resources import (
    FORMATS_BY_NAME,
    SpreadsheetRefused,
    load_dataset,
    result_errors,
)

SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = (
        "Import a spreadsheet (CSV, XLSX or JSON) of countries, offices, contacts, projects, "
        "releases or statements, with the admin's checks. Rows are matched by natural key. "
        "Any invalid row stops the import: nothing is written, and the errors name the row "
        "and the column."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "resource", choices=sorted(spreadsheets()), help="What the file holds."
        )
        parser.add_argument("path", help="The file: .csv, .xlsx or .json.")
        parser.add_argument(
            "--format", choices=sorted(FORMATS_BY_NAME), help="Default: the file's extension."
        )
        parser.add_argument(
            "--encoding", default="utf-8-sig", help="Of a CSV or JSON file (default UTF-8)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(
        self,
        *args: Any,
        resource: str,
        path: str,
        format: str | None,
        encoding: str,
        dry_run: bool,
        verbosity: int,
        **options: Any,
    ) -> None:
        name = Path(path).name
        fmt = FORMATS_BY_NAME.get(format or Path(path).suffix.lstrip(".").lower())
        if fmt is None:
            raise CommandError(f"{name}: unknown format; give --format csv, xlsx or json.")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{name}: {error.strerror}.") from None
        try:
            dataset = load_dataset(data, fmt, encoding)
        except SpreadsheetRefused as refusal:
            raise CommandError(f"{name}: {refusal}") from None

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stderr.write(f"{name}: {done:,} of {total:,} rows read")

        resource_class = spreadsheets()[resource]
        result = resource_class(diff=False, progress=progress).import_data(
            dataset, dry_run=dry_run, file_name=name
        )
        errors = result_errors(result)
        if errors:
            raise CommandError(self.describe(name, errors))
        if not dry_run:
            post_import.send(sender=None, model=resource_class._meta.model)
            merge_search_indexes()
        totals = result.totals
        summary = (
            f"{name}: {totals['new']} new, {totals['update']} updated, {totals['skip']} unchanged."
        )
        if dry_run:
            summary += " Dry run: nothing was written."
        self.stdout.write(self.style.SUCCESS(summary))

    def describe(self, name: str, errors: Sequence[tuple[int, str, str]]) -> str:
        lines = []
        for row, column, message in errors[:SHOWN_ERRORS]:
            where = name if not row else f"{name}, row {row}"
            if column:
                where += f', column "{column}"'
            lines.append(f"{where}: {message}")
        if len(errors) > SHOWN_ERRORS:
            lines.append(f"... and {len(errors) - SHOWN_ERRORS} more errors.")
        lines.append(f"{name}: nothing was imported.")
        return "\n".join(lines)
