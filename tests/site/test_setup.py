"""What an operator meets on the command line: settings, roles and the first login."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from newsroom.models import NewsRelease
from tests import factories

pytestmark = pytest.mark.django_db


def import_settings(module, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": module, **env}
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("iomcms.settings.production", SECRET_KEY="", ALLOWED_HOSTS="x.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_settings("iomcms.settings.production", SECRET_KEY="s" * 50, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_starts_with_both():
    result = import_settings(
        "iomcms.settings.production", SECRET_KEY="s" * 50, ALLOWED_HOSTS="iom.example.org"
    )
    assert result.returncode == 0, result.stderr


def test_editors_and_publishers_exist_with_the_right_rights():
    editors = {p.codename for p in Group.objects.get(name="Editors").permissions.all()}
    publishers = {p.codename for p in Group.objects.get(name="Publishers").permissions.all()}

    assert {"add_newsrelease", "change_project", "view_statement"} <= editors
    assert not {"delete_newsrelease", "publish_newsrelease"} & editors
    assert {"delete_newsrelease", "publish_newsrelease", "publish_project"} <= publishers
    assert editors < publishers
    assert not any("user" in name or "group" in name for name in publishers)


@pytest.fixture
def dev_settings(settings, tmp_path):
    settings.AXES_ENABLED = True  # as in development: the login rate limit is on
    settings.ALLOW_DEV_SUPERUSER = True
    settings.VAR_DIR = tmp_path
    return settings


def test_dev_superuser_creates_a_login_and_prints_it_again_later(dev_settings):
    out = StringIO()
    call_command("dev_superuser", stdout=out)
    username, password = (dev_settings.VAR_DIR / "dev-superuser.txt").read_text().split()
    assert f"password: {password}" in out.getvalue()
    login = Client().post(reverse("admin:login"), {"username": username, "password": password})
    assert login.status_code == 302 and User.objects.get(username=username).is_superuser

    again = StringIO()
    call_command("dev_superuser", stdout=again)
    assert f"password: {password}" in again.getvalue()
    assert User.objects.filter(is_superuser=True).count() == 1


def test_dev_superuser_says_when_the_saved_password_was_changed(dev_settings):
    call_command("dev_superuser", stdout=StringIO())
    admin = User.objects.get()
    admin.set_password("changed-by-hand")
    admin.save()
    out = StringIO()
    call_command("dev_superuser", stdout=out)
    assert "no longer works" in out.getvalue()


def test_dev_superuser_leaves_an_existing_superuser_alone(dev_settings):
    User.objects.create_superuser("chief", password="chosen-by-chief")
    out = StringIO()
    call_command("dev_superuser", stdout=out)
    assert "already exists" in out.getvalue()
    assert User.objects.count() == 1


def test_dev_superuser_refuses_outside_development():
    with pytest.raises(CommandError, match="development settings"):
        call_command("dev_superuser")
    assert not User.objects.exists()


@pytest.fixture
def fixture_dir(settings, tmp_path):
    (tmp_path / "fixtures").mkdir()
    settings.BASE_DIR = tmp_path
    argentina = factories.country("AR")
    fixture = [
        {
            "model": "newsroom.newsrelease",
            "fields": {
                "title": "From a fixture",
                "slug": "from-a-fixture",
                "body": "Text.",
                "status": "published",
                "countries": [[argentina.iso_code]],
                "created_at": "2020-01-01T00:00:00Z",
                "updated_at": "2020-01-01T00:00:00Z",
            },
        }
    ]
    (tmp_path / "fixtures" / "content.json").write_text(json.dumps(fixture))
    return tmp_path


def test_fixtures_load_into_an_empty_database(fixture_dir):
    call_command("load_site_fixtures", stdout=StringIO())
    assert NewsRelease.objects.get().title == "From a fixture"


def test_fixtures_never_overwrite_existing_content(fixture_dir):
    factories.release(title="An editor's release")
    out = StringIO()
    call_command("load_site_fixtures", stdout=out)
    assert "already has content" in out.getvalue()
    assert list(NewsRelease.objects.values_list("title", flat=True)) == ["An editor's release"]
