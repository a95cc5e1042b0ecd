"""Local development: debug on, a throw-away secret, only local hosts."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# `make run` creates a local superuser and prints its password; only here.
ALLOW_DEV_SUPERUSER = True
