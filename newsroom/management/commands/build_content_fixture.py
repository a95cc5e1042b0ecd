import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsroom.importing import SourceError, collect_files, import_files
from newsroom.models import Contact, NewsRelease, Office, ReleaseContact, Statement, Summit
from projects.models import Project

# Records made for the fixture carry this time, so the same sources give the same file.
FIXTURE_TIME = datetime(2026, 1, 1, tzinfo=UTC)
FIXTURE_MODELS = [Office, Contact, Summit, NewsRelease, ReleaseContact, Project, Statement]
TRANSLATABLE_MODELS = [NewsRelease, Project, Statement]
# ... and a translation group named after their source text, so that too is the same.
FIXTURE_GROUPS = uuid.UUID("5b0f9a4e-4c1d-4a51-9b0e-1f3c2d7e8a60")


def build_fixture(paths):
    """The fixture (Django JSON, natural keys) the importer makes of `paths` on this database.

    Runs in a transaction that is rolled back: the database is left as it was. It must hold
    no content, or the import would update that content instead of creating records.
    """
    if any(model.objects.exists() for model in FIXTURE_MODELS):
        raise CommandError(
            "The database already holds content; build the fixture on an empty one "
            "('make fixtures' uses a scratch in-memory database)."
        )
    with transaction.atomic(), mock.patch("django.utils.timezone.now", return_value=FIXTURE_TIME):
        # The shipped content is the demonstration site: public, as the office's pages were.
        reports = import_files(collect_files(paths), publish=True)
        failed = [report.error for report in reports if report.failed]
        if failed:
            raise CommandError("Cannot build the fixture:\n" + "\n".join(failed))
        name_translation_groups()
        data = [item for model in FIXTURE_MODELS for item in serialize(model)]
        transaction.set_rollback(True)
    # Sorted keys: PostgreSQL's jsonb returns object keys in an order of its own.
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def name_translation_groups():
    """Give each imported record a translation group derived from its source key."""
    for model in TRANSLATABLE_MODELS:
        for pk, source_key in model.objects.values_list("pk", "source_key"):
            key = uuid.uuid5(FIXTURE_GROUPS, f"{model._meta.label_lower}:{source_key}")
            model.objects.filter(pk=pk).update(translation_key=key)


def serialize(model):
    """The model's records as fixture items; the search vector is the database's to fill."""
    fields = [
        field.name
        for field in model._meta.get_fields()
        if field.concrete and not field.primary_key and field.name != "search_vector"
    ]
    text = serializers.serialize(
        "json",
        model.objects.order_by("pk"),
        fields=fields,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    return json.loads(text)


class Command(BaseCommand):
    help = (
        "Regenerate fixtures/content.json from the source texts in fixtures/sources/ "
        "(on an empty database; 'make fixtures' runs it on a scratch one)."
    )

    def add_arguments(self, parser):
        fixtures = Path(settings.BASE_DIR) / "fixtures"
        parser.add_argument("paths", nargs="*", default=[str(fixtures / "sources")])
        parser.add_argument("--output", default=str(fixtures / "content.json"))
        parser.add_argument(
            "--migrate", action="store_true", help="Migrate the database first (scratch DBs)."
        )

    def handle(self, *args, paths, output, migrate, **options):
        if migrate:
            call_command("migrate", verbosity=0)
        try:
            text = build_fixture(paths)
        except SourceError as error:
            raise CommandError(str(error)) from None
        Path(output).write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}."))
