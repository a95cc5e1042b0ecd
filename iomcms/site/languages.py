"""The public site's languages: each page under its language's prefix (/es/news/, /en/news/),
the switcher between them and the addresses of a page in every language.

Every public address is the same in each language but for its prefix, so the page in
another language is the same path with another prefix; an address without one (an old
link, `/`) is sent to the visitor's language: the switcher's cookie, else the browser's
Accept-Language, else Spanish.
"""

import functools
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_from_path
from django.views.decorators.cache import never_cache

from iomcms.core.query import reads_query
from iomcms.core.translations import RecordLanguages


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, sending an address without a language for good (301).
    Which language it sends to depends on the visitor, so the redirect is private and
    varies on the cookie and Accept-Language (Django adds the Vary): no shared cache
    keeps one visitor's answer for another, and the page cache keeps only pages (200)."""

    response_redirect_class = HttpResponsePermanentRedirect

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if response.status_code == 301 and not get_language_from_path(request.path_info):
            patch_cache_control(response, private=True)
        return response


def language_code(code: str) -> str:
    """A language code as HTML and hreflang write it ("pt-br" -> "pt-BR")."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def in_language(path: str, code: str) -> str:
    """`path` (a path and query) under `code`'s prefix instead of its own; a path outside
    the language prefixes (a preview) stays as it is."""
    current = get_language_from_path(path)
    if current is None:
        return path
    return path.replace(f"/{current}/", f"/{code}/", 1)


def unprefixed(path: str) -> str:
    """`path` without its language prefix: the address that sends each visitor to their
    language (hreflang's x-default)."""
    current = get_language_from_path(path)
    if current is None:
        return path
    return path.replace(f"/{current}/", "/", 1)


def language_links(
    request: HttpRequest, record: RecordLanguages | None = None
) -> list[dict[str, Any]]:
    """The switcher: each language named in itself (as LANGUAGES names it), with the
    switching address (which keeps the choice in a cookie) and whether it is the page's.
    On a record's page (`record`) a language goes to the record's translation in it, else
    to the list in that language, which says the record is not there."""
    current = get_language()
    here = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        if record is not None and get_language_from_path(request.path) is not None:
            target = here if code == current else record.target(code)
        else:
            target = in_language(here, code)
        links.append(
            {
                "code": language_code(code),
                "name": name,
                "url": f"{switch_url(code, get_script_prefix())}?next={quote(target, safe='/')}",
                "target": target,
                "current": code == current,
            }
        )
    return links


def alternates(
    request: HttpRequest, record: RecordLanguages | None = None
) -> list[tuple[str, str]]:
    """hreflang alternates of the page: its address in every language, itself included,
    then x-default; none for a page outside the language prefixes (previews). A record's
    page (`record`) names only the languages the record has, and as x-default its
    Spanish version (else itself): a page, not the redirect of an address without a
    language."""
    path = request.path
    if get_language_from_path(path) is None:
        return []
    base = f"{request.scheme}://{request.get_host()}"
    if record is not None:
        links = [(language_code(code), base + url) for code, url in record.urls.items()]
        return [*links, ("x-default", base + record.default())]
    links = [
        (language_code(code), base + in_language(path, code)) for code, _ in settings.LANGUAGES
    ]
    links.append(("x-default", base + unprefixed(path)))
    return links


@functools.cache
def switch_url(code: str, script_prefix: str) -> str:
    return reverse("language", args=[code])


@reads_query("next")
@never_cache
def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """The switcher's link: keep `code` as the visitor's language (a cookie read before
    Accept-Language) and go on to `next`, the page in that language."""
    if code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest("Unknown language.")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
