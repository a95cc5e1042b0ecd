"""Names of languages and countries in the page's language, as the Unicode CLDR (through
Babel) writes them: "inglés" in a Spanish sentence, "Brasil" for BR on a Spanish page."""

import functools

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language


@functools.cache
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def language_name(code: str, language: str | None = None) -> str:
    """The name of the language `code` in `language` (the page's), as a sentence writes
    it ("inglés", "English", "anglais")."""
    locale = _locale(language or get_language() or "en")
    return (locale.languages.get(code) if locale else None) or code


def territory_name(iso: str, language: str | None = None) -> str | None:
    """The name of the country `iso` (ISO 3166-1 alpha-2) in `language` (the page's);
    None when CLDR has none."""
    locale = _locale(language or get_language() or "en")
    return locale.territories.get(iso.upper()) if locale and iso else None
