"""Dates as pages write them (English, Spanish, French, numeric), read into dates."""

from __future__ import annotations

import datetime
import re

from .text import fold

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "ene": 1, "abr": 4, "ago": 8, "set": 9,
    "dic": 12,
    # French
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "janv": 1, "fevr": 2, "avr": 4, "juil": 7,
}  # fmt: skip

_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
    r"|^(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo),?\s+"
    r"|^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+"
)
_ORDINAL = r"(?:st|nd|rd|th|er|o|\u00ba|\u00b0)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTH_FIRST = re.compile(rf"^([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})$")
_DAY_FIRST = re.compile(
    rf"^(\d{{1,2}}){_ORDINAL}\s+(?:de\s+|of\s+)?([a-z]+)\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})$"
)


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int, month_first: bool) -> datetime.date | None:
    if first > 12 or (not month_first and second <= 12):
        return _day(year, second, first)
    return _day(year, first, second)


def parse_date(text: str, month_first: bool = True) -> datetime.date | None:
    """The date ``text`` gives, or None when it is not exactly one date.

    Numeric dates are read month/day/year (the US order used by the summit
    pages) unless ``month_first`` is false or the first number exceeds 12.
    """
    value = _WEEKDAY.sub("", fold(text).strip(" .,;"))
    if match := _ISO.match(value):
        return _day(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.match(value):
        return _numeric(int(match[1]), int(match[2]), int(match[3]), month_first)
    if (match := _MONTH_FIRST.match(value)) and match[1] in _MONTHS:
        return _day(int(match[3]), _MONTHS[match[1]], int(match[2]))
    if (match := _DAY_FIRST.match(value)) and match[2] in _MONTHS:
        return _day(int(match[3]), _MONTHS[match[2]], int(match[1]))
    return None


def is_ambiguous_numeric(text: str) -> bool:
    """Whether ``text`` is a numeric date whose day and month could swap."""
    match = _NUMERIC.match(text.strip())
    if match is None:
        return False
    return int(match[1]) <= 12 and int(match[2]) <= 12 and match[1] != match[2]
