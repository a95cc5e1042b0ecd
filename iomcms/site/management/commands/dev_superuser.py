from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.crypto import get_random_string

CREDENTIALS_FILE = "dev-superuser.txt"
RESET_HINT = "Reset a password with: .venv/bin/python manage.py changepassword USERNAME"


class Command(BaseCommand):
    help = (
        "Development only: create a local superuser when there is none and print how to log "
        "in. The password is kept in var/dev-superuser.txt so later runs can print it again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--admin-url", default="http://127.0.0.1:8000/admin/", help="Printed with the login."
        )

    def handle(self, *args: Any, username: str, admin_url: str, **options: Any) -> None:
        if not getattr(settings, "ALLOW_DEV_SUPERUSER", False):
            raise CommandError(
                "dev_superuser only runs with development settings (iomcms.settings.dev); "
                "use 'manage.py createsuperuser' elsewhere."
            )
        credentials = settings.VAR_DIR / CREDENTIALS_FILE
        if not get_user_model().objects.filter(is_superuser=True).exists():
            self.create(username, credentials)
        elif not credentials.exists():
            self.stdout.write(f"A superuser already exists. {RESET_HINT}")
            return
        username, password = credentials.read_text().split()[:2]
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not user.check_password(password):
            self.stdout.write(f"The saved password for '{username}' no longer works. {RESET_HINT}")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {admin_url}  username: {username}  password: {password}")
        )

    def create(self, username: str, credentials: Path) -> None:
        password = get_random_string(16)
        get_user_model().objects.create_superuser(username=username, email="", password=password)
        credentials.write_text(f"{username}\n{password}\n")
        self.stdout.write(self.style.SUCCESS(f"Created the local superuser '{username}'."))
