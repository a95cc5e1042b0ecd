"""Put on the internet: deploy checks, security headers, cookies, health and login limits."""

import json
import logging
import os
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "iomcms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "iom.example.org",
    # These requests need no database; the page cache would look one up.
    "PAGE_CACHE_SECONDS": "0",
}


def run_production(code, **variables):
    environment = {**os.environ, **PRODUCTION_ENV, **variables}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_deploy_checks_are_clean_with_production_settings():
    output = run_production(
        "import django, sys; django.setup(); from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    assert "System check identified no issues" in output


def content_version_key(database_url, **variables):
    """The key under which production keeps the content version, given DATABASE_URL."""
    return run_production(
        "import django; django.setup(); from django.core.cache import caches;"
        "print(caches['pages'].make_key('content-version'))",
        DATABASE_URL=database_url,
        **variables,
    ).strip()


def test_sites_on_different_databases_never_share_cached_pages():
    # Two sites sharing one Redis, or var/cache kept across a change of DATABASE_URL: the
    # pages, content version and facet indexes of one database must not serve the other.
    production = content_version_key("postgres://web@db.example.org:5432/iomcms")
    assert production != content_version_key("postgres://web@db.example.org:5432/staging")
    assert production != content_version_key("sqlite:///iomcms.sqlite3")
    # Two sites whose databases have one name tell the cache apart themselves.
    assert content_version_key(
        "postgres://web@staging.example.org:5432/iomcms", PAGE_CACHE_PREFIX="staging"
    ) != content_version_key("postgres://web@db.example.org:5432/iomcms")


def test_servers_reaching_one_database_by_other_addresses_share_cached_pages():
    # A change saved through one server (or a command run beside the database) must make
    # every server's pages stale, however each of them reaches the database.
    production = content_version_key("postgres://web@db.example.org:5432/iomcms")
    assert production == content_version_key("postgres://web@db.example.org/iomcms")
    assert production == content_version_key("postgres://web@10.0.0.5:6432/iomcms")


@pytest.fixture(scope="module")
def production_response():
    """Headers and cookies of a production response to an HTTPS request."""
    # Plain static storage: the hashed manifest exists only after collectstatic.
    output = run_production(
        "import django, json; django.setup(); from django.test import Client;"
        "from django.test.utils import override_settings;"
        "override_settings(STORAGES={'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}}).enable();"
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='iom.example.org');"
        "r2 = Client().get('/admin/login/', secure=True, HTTP_HOST='iom.example.org');"
        "print(json.dumps({'headers': dict(r.headers), 'cookies': {k: dict(v) for k, v in"
        " r2.cookies.items()}, 'insecure': Client().get('/', HTTP_HOST='iom.example.org')"
        ".status_code}))"
    )
    return json.loads(output)


def test_production_sends_hsts_for_a_year(production_response):
    hsts = production_response["headers"]["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts


def test_production_sends_a_strict_content_security_policy(production_response):
    policy = production_response["headers"]["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    for directive in (
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
        "default-src 'self'",
    ):
        assert directive in policy


def test_production_sends_referrer_and_framing_headers(production_response):
    headers = production_response["headers"]
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_production_cookies_are_host_prefixed_and_secure(production_response):
    csrf = production_response["cookies"]["__Host-csrftoken"]
    assert csrf["secure"] is True and csrf["path"] == "/" and not csrf["domain"]


def test_production_redirects_plain_http_to_https(production_response):
    assert production_response["insecure"] == 301


def test_health_check_answers_when_database_and_cache_do(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


@pytest.mark.parametrize("alias", ["default", "pages"])
def test_health_check_fails_when_a_cache_does_not_answer(client, alias):
    from django.core.cache import caches

    with mock.patch.object(caches[alias], "set", side_effect=ConnectionError("down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["cache"] == f"error: ConnectionError ({alias})"


@pytest.fixture
def rate_limited(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(seconds=2)
    return User.objects.create_superuser("editor", password="right-password")


def login(client, password, username="editor", address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_repeated_failed_logins_lock_out_then_cool_off(client, rate_limited):
    for _ in range(2):
        assert login(client, "wrong").status_code == 200  # the form again, with an error
    assert login(client, "wrong").status_code == 429  # the third failure locks
    assert login(client, "right-password").status_code == 429  # even the right password
    time.sleep(2.1)
    assert login(client, "right-password").status_code == 302  # cool-off over: logged in


def test_failures_for_one_username_from_many_addresses_are_limited_too(client, rate_limited):
    for number in range(3):
        login(client, "wrong", address=f"10.0.1.{number}")
    assert login(client, "right-password", address="10.0.2.1").status_code == 429


def test_login_events_are_logged(client, caplog, settings):
    User.objects.create_user("reporter", password="pw", is_staff=True)
    with caplog.at_level(logging.INFO, logger="iomcms.security"):
        client.post(reverse("admin:login"), {"username": "reporter", "password": "bad"})
        client.post(reverse("admin:login"), {"username": "reporter", "password": "pw"})
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("login failed user=reporter") for m in messages)
    assert any(m.startswith("login user=reporter") for m in messages)


def test_refused_permissions_are_logged(editor_client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        editor_client.get(reverse("admin:auth_user_changelist"))
    assert any("Forbidden" in record.getMessage() for record in caplog.records)
