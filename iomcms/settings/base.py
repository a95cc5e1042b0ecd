"""Settings shared by every environment.

Everything that differs between machines comes from the environment (or a `.env`
file at the project root); `.env.example` documents each variable.
"""

import hashlib
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    # Before the admin, so that their templates (admin/base_site.html) override the admin's.
    "iomcms.editorial",
    "iomcms.spreadsheets",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "import_export",
    "csp",
    "axes",
    "reversion",
    "iomcms.core",
    "iomcms.site",
    "projects",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # A cached page is answered here, before sessions, CSRF, authentication and the
    # policy headers run; it was stored with the headers they gave it.
    "iomcms.site.caching.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the page cache, which keys pages by their path and so by the language in it;
    # an address without one is sent to the visitor's language here, a redirect the page
    # cache never stores. Before CommonMiddleware, as Django asks.
    "iomcms.site.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "iomcms.editorial.timezones.EditorTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "iomcms.site.security.AdminPolicyMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into a clear page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "iomcms.urls"
WSGI_APPLICATION = "iomcms.wsgi.application"

TEMPLATES = [
    # The public pages: Jinja2 templates in each app's jinja2/ folder (iomcms.site.templating).
    # Compiled templates stay in memory, all of them (a cache_size below 0); they are
    # reloaded when their file changes only with DEBUG on, the backend's default. A
    # template's last newline is kept, as Django's templates keep it.
    {
        "BACKEND": "iomcms.site.templating.Jinja2",
        "NAME": "jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "iomcms.site.templating.environment",
            "cache_size": -1,
            "keep_trailing_newline": True,
        },
    },
    # The admin: Django's template language, templates in each app's templates/ folder.
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# An SQLite file under the git-ignored var/ folder unless DATABASE_URL says otherwise,
# e.g. postgres://postgres@127.0.0.1:5432/iomcms in production.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'iomcms.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite keeps 2 MB of pages a connection by default: at 100,000 releases a search
    # page's search index and rows no longer fit, and it read them again from the file on
    # every request (bench/RESULTS.md).
    # The pages live as long as the connection: set CONN_MAX_AGE for them to help.
    # Write-ahead logging lets visitors read while an editor writes. A transaction takes
    # the write lock when it begins (IMMEDIATE): one that read first and then asked for
    # it would fail at once with "database is locked" whenever another writer held it,
    # since waiting could deadlock. A writer waits up to `timeout` seconds for the lock:
    # Editors saving together during public reads failed without these, and wait their
    # turn with them (bench/concurrent_saves.py, bench/RESULTS.md).
    options.setdefault("init_command", "PRAGMA cache_size = -32000; PRAGMA journal_mode = WAL")
    options.setdefault("transaction_mode", "IMMEDIATE")
    options.setdefault("timeout", 20)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent apart from the SQL, so that psycopg prepares a statement the
    # connection has run DATABASE_PREPARE_THRESHOLD times and PostgreSQL stops parsing
    # it anew: a detail page's queries took half the time. 0 turns preparing off, for a
    # connection pooler in transaction mode that cannot follow prepared statements.
    prepare_threshold = env.int("DATABASE_PREPARE_THRESHOLD", default=5)
    options.update(server_side_binding=True, prepare_threshold=prepare_threshold or None)
    if prepare_threshold:
        # A prepared statement is still planned for each run's own parameters: a plan
        # made once for any search would scan the whole archive for a common word.
        options["options"] = (
            f"{options.get('options', '')} -c plan_cache_mode=force_custom_plan".strip()
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def page_cache_prefix(database):
    """The pages cache's key prefix for `database` (a DATABASES entry). What the cache
    holds (pages, the content version, facet indexes) is made from one database's
    content, so it is named after it: two sites sharing a Redis, or var/cache kept across
    a change of DATABASE_URL, never serve one database's pages or indexes for another's.
    The engine and the database's name only: servers reaching the same database by
    another host name, port or connection pooler still share one cache."""
    name = f"{database['ENGINE']} {database['NAME']}"
    return "pages-" + hashlib.sha256(name.encode()).hexdigest()[:12]


# Redis when REDIS_URL is set (redis://127.0.0.1:6379/0), process memory otherwise.
# Whole pages go to the "pages" cache, which every worker process must share so that a
# change made through one is seen by all: Redis, or else files under var/cache/.
REDIS_URL = env.str("REDIS_URL", default="")
# Set it alike on every server when they name one database differently.
PAGE_CACHE_PREFIX = env.str("PAGE_CACHE_PREFIX", default="") or page_cache_prefix(
    DATABASES["default"]
)
if REDIS_URL:
    # A Redis that stops answering costs a request at most these seconds, and only one
    # request every few seconds (iomcms.site.caching serves pages uncached meanwhile). Its
    # errors are not ignored here (django-redis's IGNORE_EXCEPTIONS): the page cache has
    # to know of an outage to make its pages stale after it, and /healthz to report it.
    REDIS_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 2}
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": PAGE_CACHE_PREFIX,
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache" / "pages",
            "KEY_PREFIX": PAGE_CACHE_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
PAGE_CACHE_ALIAS = "pages"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public site in four languages, each under its own prefix (/es/news/); Spanish, the
# region's first language, is the default for a visitor whose browser names none of them.
# The codes are those of the records' `language` (iomcms.core.search.Language).
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
    ("pt", "Português"),
    ("fr", "Français"),
]
# The project's catalogues (`make messages` writes them; the .mo files are committed).
LOCALE_PATHS = [BASE_DIR / "locale"]
# The switcher's choice, kept a year; read before the browser's Accept-Language.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
# Staff read and type times in the admin in their own time zone (iomcms.editorial.timezones);
# until they choose one, in the regional office's (San José, Costa Rica). Times are stored in UTC.
OFFICE_TIME_ZONE = env.str("OFFICE_TIME_ZONE", default="America/Costa_Rica")
# Dates and times read as Django's own formats, with the time zone after a time.
FORMAT_MODULE_PATH = ["iomcms.site.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Whitenoise serves static files from the app folders too, so runserver and tests need no
# collectstatic; production serves the hashed, compressed copies in STATIC_ROOT.
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "admin:login"

# Uploads: spreadsheets and forms, no more than this in memory or in fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Whole public pages are cached for anonymous visitors (iomcms.site.caching); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# Admin logins: after 5 failures from one address, or for one username, wait 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# Content-Security-Policy: the site's own files only; no inline scripts or styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Logins, failed logins and logouts (iomcms.editorial.audit); lockouts (axes);
        # refused permissions and suspicious requests (django.request, django.security).
        "iomcms.security": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "django.security": {"level": "WARNING"},
        "django.request": {"level": "WARNING"},
    },
}

# django-import-export: every import runs in one transaction, all or nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Spreadsheets (iomcms.spreadsheets.resources): importing needs the model's "import_<model>"
# permission (Publishers), exporting "export_<model>" (Editors and Publishers).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_CHUNK_SIZE = 2000
# One import at most: this many rows, and a file of this size.
SPREADSHEET_MAX_ROWS = env.int("SPREADSHEET_MAX_ROWS", default=20_000)
SPREADSHEET_MAX_BYTES = env.int("SPREADSHEET_MAX_BYTES", default=10 * 1024 * 1024)
# One source text (manage.py import_sources) at most this size: a saved page is far smaller.
SOURCE_IMPORT_MAX_BYTES = env.int("SOURCE_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)

# Editorial workflow (iomcms.editorial): share links to drafts last this many days unless
# the editor chooses otherwise, and never more than SHARE_LINK_MAX_DAYS.
SHARE_LINK_DAYS = env.int("SHARE_LINK_DAYS", default=7)
SHARE_LINK_MAX_DAYS = 30
# The admin's "coming up" page lists this many scheduled go-lives and expiries.
SCHEDULE_LIST_LENGTH = 50
