from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from newsroom.models import NewsRelease, Statement
from projects.models import Project


class Command(BaseCommand):
    help = (
        "Load every fixtures/*.json into a database that has no content yet. A database "
        "with releases, projects or statements is left alone, so editors' work is never "
        "overwritten; --force loads anyway."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even if content exists.")

    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        fixtures = sorted(
            str(path) for path in (Path(settings.BASE_DIR) / "fixtures").glob("*.json")
        )
        if not fixtures:
            self.stdout.write("No fixtures to load.")
            return
        has_content = any(model.objects.exists() for model in (NewsRelease, Project, Statement))
        if has_content and not force:
            self.stdout.write("The database already has content; fixtures not loaded.")
            return
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
