"""Whole-page caching for anonymous visitors that never shows stale content.

Every cached page is kept with the content version it was made under
(`iomcms.core.contentversion`); a page of an older version is made again. Logged-in users,
non-GET requests and responses that are private, set cookies or vary on them never enter
or leave the cache. While the cache fails, pages are served uncached.
"""

from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import set_response_etag

from iomcms.core.contentversion import cache_get, cache_set, content_version
from iomcms.core.query import read_query

# Pages are (version, status, headers, content); a new layout gets a new prefix.
PAGE_KEY = "page-v2"
Page = tuple[int, int, dict[str, str], bytes]


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for anonymous GET requests."""

    EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/preview/")
    # Pages this process served last, each with the version it was made under: a hit on
    # one of them reads only the content version from the shared cache.
    HELD_PAGES = 500

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.held: OrderedDict[str, Page] = OrderedDict()  # key -> page

    @property
    def timeout(self) -> int:
        return settings.PAGE_CACHE_SECONDS

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
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
            # The ETag ConditionalGetMiddleware would give it, worked out once, so that a
            # hit does not hash the page again.
            if not response.has_header("ETag"):
                set_response_etag(response)
            page = (version, response.status_code, dict(response.items()), response.content)
            cache_set(key, page, self.timeout)
            self.hold(key, page)
            response["X-Cache"] = "miss"
        return response

    def hold(self, key: str, page: Page) -> None:
        self.held[key] = page
        self.held.move_to_end(key)
        if len(self.held) > self.HELD_PAGES:
            self.held.popitem(last=False)

    def public_request(self, request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.EXCLUDED_PREFIXES)
            # No session, no user: whoever has none sees the public page, and looking
            # no further keeps the session (and a Vary: Cookie) out of it.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def cacheable_response(self, response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "Cookie" not in response.get("Vary", "")
        )
