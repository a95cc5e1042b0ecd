import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from iomcms.core.registry import spreadsheets
from iomcms.spreadsheets.resources import FORMATS_BY_NAME


class Command(BaseCommand):
    help = (
        "Export countries, offices, contacts, projects, releases or statements as CSV, XLSX "
        "or JSON, in the columns the import reads. Cells a spreadsheet would run as a "
        "formula are neutralised with a leading apostrophe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("resource", choices=sorted(spreadsheets()), help="What to export.")
        parser.add_argument(
            "-o", "--output", help="The file to write; its extension gives the format."
        )
        parser.add_argument(
            "--format", choices=sorted(FORMATS_BY_NAME), help="Default: csv, or the extension."
        )
        parser.add_argument(
            "--published", action="store_true", help="Only records visitors can see."
        )

    def handle(
        self,
        *args: Any,
        resource: str,
        output: str | None,
        format: str | None,
        published: bool,
        verbosity: int,
        **options: Any,
    ) -> None:
        extension = Path(output).suffix.lstrip(".").lower() if output else ""
        fmt = FORMATS_BY_NAME.get(format or extension or "csv")
        if fmt is None:
            raise CommandError(f"{output}: unknown format; give --format csv, xlsx or json.")
        resource_class = spreadsheets()[resource]
        queryset = resource_class().get_queryset()
        if published:
            if not hasattr(queryset, "published"):
                raise CommandError(f"{resource} have no publication status.")
            queryset = queryset.published()
        dataset = resource_class().export(queryset)
        data = fmt().export_data(dataset)
        if isinstance(data, str):
            data = data.encode()
        if output:
            try:
                Path(output).write_bytes(data)
            except OSError as error:
                raise CommandError(f"{output}: {error.strerror}.") from None
        elif fmt().is_binary() and sys.stdout.isatty():
            raise CommandError("XLSX is binary: give --output or redirect to a file.")
        else:
            self.stdout.flush()
            getattr(self.stdout._out, "buffer", self.stdout._out).write(data)
        if verbosity >= 1 and output:
            self.stderr.write(f"{output}: {len(dataset):,} {resource} written.")
