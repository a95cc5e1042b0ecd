"""Django serving a constant string: the floor that the site's cached pages are measured
against. Served the way `make serve` serves the site (same gunicorn settings):

    GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG= GUNICORN_BIND=127.0.0.1:8015 \\
        .venv/bin/gunicorn -c iomcms/gunicorn.conf.py --chdir bench hello:application

With HELLO_MIDDLEWARE=default the request also passes through the middleware that
`startproject` installs (security, sessions, common, CSRF, authentication, messages,
clickjacking); by default it passes through none.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

DEFAULT_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]


def hello(request):
    return HttpResponse("Hello, world.", content_type="text/plain")


urlpatterns = [path("", hello)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="a-constant-string-needs-no-secret-but-django-asks-for-one",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
    ],
    DATABASES={},
    MIDDLEWARE=DEFAULT_MIDDLEWARE if os.environ.get("HELLO_MIDDLEWARE") == "default" else [],
)
application = get_wsgi_application()
