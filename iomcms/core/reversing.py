"""Addresses of records by slug, reversed once per process.

A list page links to twenty records, and Django's reverse() resolves the pattern again for
each one. A pattern taking one slug gives the same address around it for every
record, so it is reversed once, with a stand-in slug, and filled in after that.
"""

import functools
import re

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

STAND_IN = "slug-stand-in"
# What Django's slug path converter accepts; anything else goes through reverse(), which
# quotes it or refuses it as it always has.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@functools.cache
def around_slug(name: str, script_prefix: str, language: str | None) -> tuple[str, str]:
    """The address of `name` before and after its slug, under `script_prefix`, in
    `language` (the active one: it is the address's prefix)."""
    before, _, after = reverse(name, kwargs={"slug": STAND_IN}).partition(STAND_IN)
    return before, after


def slug_url(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}), at the cost of a string join."""
    if not SLUG.fullmatch(slug):
        return reverse(name, kwargs={"slug": slug})
    before, after = around_slug(name, get_script_prefix(), get_language())
    return f"{before}{slug}{after}"
