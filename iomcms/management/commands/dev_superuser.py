from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string

CREDENTIALS_FILE = "dev-superuser.txt"


class Command(BaseCommand):
    help = (
        "Development only: create a local superuser when there is none and print how to log "
        "in. The password is kept in var/dev-superuser.txt so later runs can print it again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG or settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError(
                "dev_superuser only runs with development settings (DEBUG on); "
                "use 'manage.py createsuperuser' elsewhere."
            )
        credentials = settings.VAR_DIR / CREDENTIALS_FILE
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = get_random_string(16)
            User.objects.create_superuser(username=username, email="", password=password)
            credentials.write_text(f"{username}\n{password}\n")
            self.stdout.write(self.style.SUCCESS(f"Created the local superuser '{username}'."))
        elif not credentials.exists():
            self.stdout.write(
                "A superuser already exists; its password is not known here. "
                "Reset it with: .venv/bin/python manage.py changepassword USERNAME"
            )
            return
        username, password = credentials.read_text().split()[:2]
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  username: {username}  password: {password}"
            )
        )
