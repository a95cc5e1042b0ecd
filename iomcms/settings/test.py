"""The test suite: fast hashing, in-memory cache and e-mail; DATABASE_URL still chooses
the database so the same suite runs on SQLite and PostgreSQL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Tests log in with force_login; the lockout tests turn django-axes back on.
AXES_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Whole-page caching is off except in the tests that are about it (they turn it on).
PAGE_CACHE_SECONDS = 0

# A content app that only the tests install: it proves that an app plugs in by registering
# in its own apps.py (tests/contentapp).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.contentapp"]  # noqa: F405
