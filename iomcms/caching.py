"""Whole-page caching for anonymous visitors that never shows stale content.

Every cached page is kept with the *content version* it was made under. Any change to
content — a save or delete (admin, import), a bulk publish, a spreadsheet import — bumps the
version, so the next request renders afresh. Scheduled records are covered too: with the
version the cache keeps the time of the next go-live (or expiry) still to come, and a
request after that moment bumps the version first. Logged-in users, non-GET requests and
responses that are private, set cookies or vary on them never enter or leave the cache.

The cache is an accelerator, never a dependency: while it fails (Redis unreachable, say)
pages are made afresh for every request and served uncached, facet indexes are built in
the process, saves succeed, and the failure is logged once. When it answers again every
page it holds is made stale, for changes made meanwhile could not move the version. A
process that saved a change meanwhile keeps asking, on a timer, until it has moved the
version: other processes, which may never have seen the outage, would otherwise go on
serving the pages from before the change.
"""

import logging
import threading
import time
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import set_response_etag

from .publishing import Publishable
from .query import read_query
from .registry import is_content

VERSION_KEY = "content-version"
# Pages are (version, status, headers, content); a new layout gets a new prefix.
PAGE_KEY = "page-v2"
UNKNOWN = "unknown"


logger = logging.getLogger(__name__)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class Availability:
    """Whether the page cache answers, as this process last found it. After a failure it
    is asked again every RETRY_SECONDS only, so that a cache that hangs slows few
    requests; meanwhile each request has a content version of its own. A new content
    version that could not be written is pending: a timer asks the cache every
    RETRY_SECONDS until it answers and the version is written, whether or not this
    process serves anything meanwhile."""

    RETRY_SECONDS = 5

    def __init__(self):
        self.lock = threading.Lock()
        self.timer = None
        self.reset()

    def reset(self):
        self.failures = set()  # kinds of failure seen (and logged) since it last answered
        self.retry_at = 0.0
        self.request_version = None
        with self.lock:
            self.pending = False  # a new content version is still to be written
            timer, self.timer = self.timer, None
        if timer is not None:
            timer.cancel()
            timer.join()

    @property
    def down(self):
        return bool(self.failures)

    def call(self, operation, default=None):
        """What `operation()` returns, or `default` while the cache fails. The first answer
        after a failure is dropped too: it may come from before changes made meanwhile."""
        if self.failures and time.monotonic() < self.retry_at:
            return default
        try:
            result = operation()
        except Exception as error:  # a cache failure of any kind only slows the site
            self.failed(error)
            return default
        if self.failures:
            self.recovered()
            return default
        return result

    def failed(self, error):
        kind = type(error).__name__
        if kind not in self.failures:
            logger.warning(
                "The page cache failed (%s: %s): pages are served uncached until it "
                "answers again.",
                kind,
                error,
            )
        self.failures.add(kind)
        self.retry_at = time.monotonic() + self.RETRY_SECONDS

    def recovered(self):
        self.failures.clear()
        logger.warning("The page cache answers again; the pages it holds are made stale.")
        self.new_version()

    def new_version(self):
        """Make every page the cache holds stale: write a new content version, or, while
        the cache fails, keep it pending until the cache answers again (its recovery
        writes one)."""
        self.request_version = None
        self.pending = False
        state = {"version": time.time_ns(), "until": UNKNOWN}
        self.call(lambda: page_cache().set(VERSION_KEY, state, None))
        if self.down:
            self.pending = True
            self.retry_later()

    def retry_later(self):
        with self.lock:
            if self.timer is None:
                self.timer = self.start_timer()

    def start_timer(self):
        timer = threading.Timer(self.RETRY_SECONDS, self.retry)
        timer.daemon = True
        timer.start()
        return timer

    def retry(self):
        """Ask the cache again now, and again later while it fails; a recovery writes the
        pending version."""
        if self.pending:
            self.retry_at = 0.0
            self.call(lambda: page_cache().get(VERSION_KEY))
        with self.lock:
            self.timer = self.start_timer() if self.pending else None

    def version(self):
        """The content version while the cache is down: a new one for each request."""
        if self.request_version is None:
            self.request_version = time.time_ns()
        return self.request_version

    def request_started(self, **kwargs):
        self.request_version = None


availability = Availability()


def cache_get(key):
    """The page cache's value for `key`; None when it has none or does not answer."""
    return availability.call(lambda: page_cache().get(key))


def cache_set(key, value, timeout):
    availability.call(lambda: page_cache().set(key, value, timeout))


def next_change():
    """The earliest scheduled go-live or expiry still in the future, over every publishable
    model."""
    now = timezone.now()
    upcoming = []
    for model in apps.get_models():
        if issubclass(model, Publishable):
            for field in ("go_live_at", "expires_at"):
                moment = (
                    model.objects.filter(**{f"{field}__gt": now})
                    .order_by(field)
                    .values_list(field, flat=True)
                    .first()
                )
                if moment:
                    upcoming.append(moment)
    return min(upcoming) if upcoming else None


def bump_content_version(*args, **kwargs):
    """Make every cached page stale: one cache write, once the change can be seen.

    Inside a transaction that happens when it commits, once however many records it
    writes: until then other processes cannot see the change, and a page or facet index
    they made from the old rows in between would be kept under the new version. (A test
    case's own transaction does not count: it never commits.)"""
    connection = transaction.get_connection()
    own = [b for b in connection.atomic_blocks if not getattr(b, "_from_testcase", False)]
    if not own:
        new_content_version()
    elif not getattr(own[-1], "_moves_content_version", False):
        # Once per atomic block: a savepoint rolled back drops what it asked for.
        own[-1]._moves_content_version = True
        transaction.on_commit(new_content_version)


def new_content_version():
    """The next scheduled change is looked up by the next request that needs it."""
    availability.new_version()


def content_version():
    """The current version; a scheduled go-live that has come makes a new one."""
    state = cache_get(VERSION_KEY)
    if availability.down:
        return availability.version()
    if state is None or (
        state["until"] not in (UNKNOWN, None) and timezone.now() >= state["until"]
    ):
        state = {"version": time.time_ns(), "until": UNKNOWN}
    if state["until"] == UNKNOWN:
        state["until"] = next_change()
        cache_set(VERSION_KEY, state, None)
    return state["version"]


def on_content_change(sender, **kwargs):
    # Historical models of a running migration are not content yet.
    if is_content(sender) and sender.__module__ != "__fake__":
        bump_content_version()


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for anonymous GET requests."""

    EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/preview/")
    # Pages this process served last, each with the version it was made under: a hit on
    # one of them reads only the content version from the shared cache.
    HELD_PAGES = 500

    def __init__(self, get_response):
        self.get_response = get_response
        self.held = OrderedDict()  # key -> (version, status, headers, content)

    @property
    def timeout(self):
        return settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self.public_request(request):
            return self.get_response(request)
        # The page sees the query parameters it reads and no others, and is kept under
        # them: made-up parameters make neither another page nor another cache entry.
        query = read_query(request)
        if query is not None:
            request.GET = query
            request.META["QUERY_STRING"] = query.urlencode()
        if self.timeout <= 0:
            return self.get_response(request)
        # Pages are kept with the version they were made under; a page of an older version
        # is made again and replaces it.
        key = f"{PAGE_KEY}:{request.get_host()}:{request.get_full_path()}"
        version = content_version()
        page = self.held.get(key)
        if page is None or page[0] != version:
            page = cache_get(key)
        if page is not None and page[0] == version:
            self.hold(key, page)
            _, status, headers, content = page
            return HttpResponse(content, status=status, headers={**headers, "X-Cache": "hit"})
        response = self.get_response(request)
        if self.cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            # The ETag ConditionalGetMiddleware would give it, worked out once: a hit
            # hashing the page again was a quarter of its time.
            if not response.has_header("ETag"):
                set_response_etag(response)
            page = (version, response.status_code, dict(response.items()), response.content)
            cache_set(key, page, self.timeout)
            self.hold(key, page)
            response["X-Cache"] = "miss"
        return response

    def hold(self, key, page):
        self.held[key] = page
        self.held.move_to_end(key)
        if len(self.held) > self.HELD_PAGES:
            self.held.popitem(last=False)

    def public_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.EXCLUDED_PREFIXES)
            # No session, no user: whoever has none sees the public page, and looking
            # no further keeps the session (and a Vary: Cookie) out of it.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def cacheable_response(self, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "Cookie" not in response.get("Vary", "")
        )
