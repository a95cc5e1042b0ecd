"""Parsing of scraped IOM page text into structured records (no Django)."""

from .countries import CountryIndex
from .model import (
    Contact,
    CountryNames,
    ParsedPage,
    ProjectFields,
    ProjectStatus,
    Reading,
    StatementEntry,
)
from .parser import parse_text

__all__ = [
    "Contact",
    "CountryIndex",
    "CountryNames",
    "ParsedPage",
    "ProjectFields",
    "ProjectStatus",
    "Reading",
    "StatementEntry",
    "parse_text",
]
