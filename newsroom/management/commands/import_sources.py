import json

from django.core.management.base import BaseCommand, CommandError

from newsroom.importing import SourceError, collect_files, import_files


class Command(BaseCommand):
    help = (
        "Import saved page texts (files or folders of .txt): news releases with their "
        "contacts and offices, IDF projects, summit statements. New records are drafts "
        "unless --publish. Re-importing updates the same records and never their "
        "publication state; fields an editor changed since, and values that cannot be read "
        "(an unknown country), keep the record's value and are reported as conflicts."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders of .txt files.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and check; write nothing."
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace values editors changed since the last import.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the records this run creates; records that exist keep their state.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with an error when any conflict is reported.",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json prints what was parsed to stdout; the report then goes to stderr.",
        )

    def handle(self, *args, paths, dry_run, overwrite, publish, strict, format, **options):
        try:
            files = collect_files(paths)
        except SourceError as error:
            raise CommandError(str(error)) from None
        report_to = self.stderr if format == "json" else self.stdout
        total = len(files)
        done = iter(range(1, total + 1))

        def progress(report):
            self.write_report(report_to, report, next(done), total, options["verbosity"])

        reports = import_files(
            files, dry_run=dry_run, overwrite=overwrite, publish=publish, on_file=progress
        )
        if format == "json":
            self.stdout.write(
                json.dumps([r.page.to_dict() for r in reports], ensure_ascii=False, indent=2)
            )
        self.write_summary(report_to, reports, dry_run)
        failed = [report for report in reports if report.failed]
        if failed:
            raise CommandError(f"{len(failed)} of {total} files failed; see the messages above.")
        conflicts = sum(len(report.conflicts) for report in reports)
        if strict and conflicts:
            noun = "conflict" if conflicts == 1 else "conflicts"
            raise CommandError(
                f"--strict: {conflicts} {noun}; the messages above name each file, field and "
                "value. Fix the text or the record (a country's other names, say), or take "
                "the file's values over editors' with --overwrite, then import again."
            )

    def write_report(self, out, report, number, total, verbosity):
        if report.failed:
            out.write(self.style.ERROR(f"[{number}/{total}] {report.source}: failed"))
            out.write(f"    {report.error}")
            return
        if verbosity < 1:
            return
        counts = ", ".join(
            f"{len(getattr(report, name))} {name}"
            for name in ("created", "updated", "unchanged", "conflicts")
        )
        out.write(f"[{number}/{total}] {report.source} ({report.page.kind}): {counts}")
        details = [("conflict", report.conflicts), ("warning", report.warnings)]
        if verbosity > 1:
            details = [("created", report.created), ("updated", report.updated)] + details
        for label, lines in details:
            for line in lines:
                out.write(f"    {label}: {line}")
        for line in report.page.unplaced_lines:
            out.write(f"    unplaced: {line}")

    def write_summary(self, out, reports, dry_run):
        def total(name):
            return sum(len(getattr(report, name)) for report in reports)

        failed = sum(report.failed for report in reports)
        summary = (
            f"{len(reports)} files: {total('created')} created, {total('updated')} updated, "
            f"{total('unchanged')} unchanged, {total('conflicts')} conflicts, {failed} failed"
        )
        if dry_run:
            summary += " (dry run: nothing was written)"
        out.write(self.style.SUCCESS(summary) if not failed else self.style.WARNING(summary))
