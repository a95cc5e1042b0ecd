"""Turning the office's saved page texts into records.

`import_files` reads, parses and applies each file in its own transaction and returns one
`FileReport` per file; a file that fails changes nothing and the others still import.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from iomcms.editorial.revisions import record_versions
from projects.models import Country
from projects.services import country_names

from ..sourcetext import CountryIndex, ParsedPage, parse_text
from .reading import SourceError, collect_files, read_source
from .records import Importer
from .syncing import Outcome

__all__ = ["FileReport", "SourceError", "collect_files", "import_files"]


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class FileReport:
    """What became of one file: the page parsed from it, the records it created, updated
    or left unchanged, and the conflicts, warnings or error to show."""

    source: str
    page: ParsedPage
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def add(self, outcome: Outcome) -> None:
        label = f"{outcome.record._meta.verbose_name} “{outcome.record}”"
        getattr(self, outcome.action).append(label)
        for name in outcome.conflicts:
            verbose = outcome.record._meta.get_field(name).verbose_name
            self.conflicts.append(
                f"{label}: {verbose} was changed by an editor since the last import; "
                "the editor's value was kept (--overwrite replaces it)"
            )
        for name, value in outcome.unresolved.items():
            verbose = outcome.record._meta.get_field(name).verbose_name
            kept = (
                f"{label} was created without it"
                if outcome.action == "created"
                else f"the current value was kept on {label}"
            )
            self.conflicts.append(f"{self.source}: {verbose}: {value.text} {value.reason}; {kept}")


@dataclass(frozen=True)
class Countries:
    """The countries pages are resolved against: the name index the parser reads them
    with, and the country each of its keys (ISO codes) stands for."""

    index: CountryIndex
    by_key: Mapping[str, Country]

    @classmethod
    def load(cls) -> "Countries":
        countries = list(Country.objects.all())
        return cls(
            CountryIndex(country_names(countries)),
            {country.iso_code: country for country in countries},
        )


def import_files(
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    overwrite: bool = False,
    publish: bool = False,
    on_file: Callable[[FileReport], object] | None = None,
) -> list[FileReport]:
    """Import every file; call `on_file(report)` after each, for progress. Records created
    are drafts unless `publish`."""
    countries = Countries.load()
    reports = []
    for path in paths:
        report = import_file(
            path, dry_run=dry_run, overwrite=overwrite, publish=publish, countries=countries
        )
        reports.append(report)
        if on_file:
            on_file(report)
    return reports


def import_file(
    path: Path,
    *,
    dry_run: bool = False,
    overwrite: bool = False,
    publish: bool = False,
    countries: Countries | None = None,
) -> FileReport:
    """Read, parse and import one file in its own transaction; a dry run rolls it back."""
    countries = countries or Countries.load()
    read_at: datetime = timezone.now()
    try:
        text, warnings = read_source(path)
    except SourceError as error:
        return FileReport(
            path.name, ParsedPage(source=path.name, error=str(error)), error=str(error)
        )
    page = parse_text(text, source=path.name, countries=countries.index)
    report = FileReport(path.name, page, warnings=warnings + page.warnings)
    if page.error:
        report.error = f"{path.name}: {page.error}"
        return report
    if not page.title:
        report.error = f"{path.name}: no title found; is the page cut off at the top?"
        return report
    importer = Importer(
        overwrite=overwrite, publish=publish, countries=countries.by_key, read_at=read_at
    )
    try:
        with transaction.atomic():
            importer.apply(page, source_key=path.stem)
            if dry_run:
                raise DryRun
            written = [o.record for o in importer.outcomes if o.action != "unchanged"]
            record_versions(written, comment=f"Imported from the source text {path.name}.")
    except DryRun:
        pass
    except (DatabaseError, ValidationError) as error:
        report.error = f"{path.name}: not imported, the database refused it: {error}"
        return report
    for outcome in importer.outcomes:
        report.add(outcome)
    report.warnings += [f"{path.name}: {warning}" for warning in importer.warnings]
    return report
