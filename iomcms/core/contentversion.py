"""The content version: a number that moves on whenever what the public site shows
changes, so that whatever was made from the content (cached pages, facet indexes) is known
stale by the next request.

Any change to content (a save or delete, a bulk publish, an import) moves it, once its
transaction commits. Scheduled records are covered too: with the version the cache keeps
the time of the next go-live (or expiry) still to come, and a request after that moment
makes a new version first.

The version lives in the shared page cache, an accelerator, never a dependency: while it
fails (Redis unreachable, say) each request has a version of its own, so pages are made
afresh and facet indexes are built in the process, saves succeed, and the failure is
logged once. When it answers again the version moves on, for changes made meanwhile could
not move it; a process that saved a change meanwhile keeps asking, on a timer, until it
has, since other processes may never have seen the outage.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from .publishing import next_change
from .registry import is_content

T = TypeVar("T")

VERSION_KEY = "content-version"
UNKNOWN = "unknown"


logger = logging.getLogger(__name__)


def page_cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


class Availability:
    """Whether the page cache answers, as this process last found it. After a failure it
    is asked again every RETRY_SECONDS only, so that a cache that hangs slows few
    requests; meanwhile each request has a content version of its own. A new content
    version that could not be written is pending: a timer asks the cache every
    RETRY_SECONDS until it answers and the version is written, whether or not this
    process serves anything meanwhile."""

    RETRY_SECONDS = 5

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.reset()

    def reset(self) -> None:
        # Kinds of failure seen (and logged) since it last answered.
        self.failures: set[str] = set()
        self.retry_at = 0.0
        self.request_version: int | None = None
        with self.lock:
            self.pending = False  # a new content version is still to be written
            timer, self.timer = self.timer, None
        if timer is not None:
            timer.cancel()
            timer.join()

    @property
    def down(self) -> bool:
        return bool(self.failures)

    def call(self, operation: Callable[[], T], default: T | None = None) -> T | None:
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

    def failed(self, error: Exception) -> None:
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

    def recovered(self) -> None:
        self.failures.clear()
        logger.warning("The page cache answers again; the pages it holds are made stale.")
        self.new_version()

    def new_version(self) -> None:
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

    def retry_later(self) -> None:
        with self.lock:
            if self.timer is None:
                self.timer = self.start_timer()

    def start_timer(self) -> threading.Timer:
        timer = threading.Timer(self.RETRY_SECONDS, self.retry)
        timer.daemon = True
        timer.start()
        return timer

    def retry(self) -> None:
        """Ask the cache again now, and again later while it fails; a recovery writes the
        pending version."""
        if self.pending:
            self.retry_at = 0.0
            self.call(lambda: page_cache().get(VERSION_KEY))
        with self.lock:
            self.timer = self.start_timer() if self.pending else None

    def version(self) -> int:
        """The content version while the cache is down: a new one for each request."""
        if self.request_version is None:
            self.request_version = time.time_ns()
        return self.request_version

    def request_started(self, **kwargs: Any) -> None:
        self.request_version = None


availability = Availability()


def cache_get(key: str) -> Any:
    """The page cache's value for `key`; None when it has none or does not answer."""
    return availability.call(lambda: page_cache().get(key))


def cache_set(key: str, value: Any, timeout: float | None) -> None:
    availability.call(lambda: page_cache().set(key, value, timeout))


def bump_content_version(*args: Any, **kwargs: Any) -> None:
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


def new_content_version() -> None:
    """The next scheduled change is looked up by the next request that needs it."""
    availability.new_version()


def content_version() -> int:
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


def on_content_change(sender: type[Model], **kwargs: Any) -> None:
    # Historical models of a running migration are not content yet.
    if is_content(sender) and sender.__module__ != "__fake__":
        bump_content_version()
