"""Turning the office's saved page texts into records.

`import_files` reads, parses and applies each file in its own transaction and returns one
`FileReport` per file; a file that fails changes nothing and the others still import.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from iomcms.editorial.revisions import record_versions
from projects.services import country_index

from ..sourcetext import parse_text
from ..sourcetext.model import ParsedPage
from .reading import SourceError, collect_files, read_source
from .records import Importer

__all__ = ["FileReport", "SourceError", "collect_files", "import_files"]


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class FileReport:
    source: str
    page: dict
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    error: str | None = None

    @property
    def failed(self):
        return self.error is not None

    def add(self, outcome):
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


def import_files(paths, *, dry_run=False, overwrite=False, publish=False, on_file=None):
    """Import every file; call `on_file(report)` after each, for progress. Records created
    are drafts unless `publish`."""
    index = country_index()
    reports = []
    for path in paths:
        report = import_file(
            path, dry_run=dry_run, overwrite=overwrite, publish=publish, index=index
        )
        reports.append(report)
        if on_file:
            on_file(report)
    return reports


def import_file(path, *, dry_run=False, overwrite=False, publish=False, index=None):
    read_at = timezone.now()
    try:
        text, warnings = read_source(path)
    except SourceError as error:
        return FileReport(
            path.name, ParsedPage(source=path.name, error=str(error)).to_dict(), error=str(error)
        )
    page = parse_text(text, source=path.name).to_dict()
    report = FileReport(path.name, page, warnings=warnings + page["warnings"])
    if page["error"]:
        report.error = f"{path.name}: {page['error']}"
        return report
    if not page["title"]:
        report.error = f"{path.name}: no title found; is the page cut off at the top?"
        return report
    importer = Importer(overwrite=overwrite, publish=publish, country_index=index, read_at=read_at)
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
