"""Typed records produced by the source-text parser."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ProjectStatus(StrEnum):
    """The statuses an IDF project page gives, whatever its language."""

    PIPELINE = "pipeline"
    ACTIVE = "active"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Reading(Generic[T]):
    """A labelled value as the page writes it and as it was read; ``value`` is None when
    the text could not be read, so whoever uses it can name the text in a report."""

    text: str
    value: T | None = None

    @property
    def unreadable(self) -> bool:
        return self.value is None


@dataclass
class CountryNames:
    """Country names as a page lists them, resolved against a country index: the keys of
    the countries found (each once, in order) and the names no country has."""

    names: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@dataclass
class Contact:
    """One press contact; every field is optional because scrapes lose data."""

    name: str | None = None
    office: str | None = None
    phone: str | None = None
    email: str | None = None
    role: str | None = None
    #: Key of the first country the office's name mentions ("IOM Buenos Aires": Argentina).
    office_country: str | None = None

    def is_empty(self) -> bool:
        return not any((self.name, self.office, self.phone, self.email, self.role))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "office": self.office,
            "phone": self.phone,
            "email": self.email,
            "role": self.role,
        }


@dataclass
class ProjectFields:
    """The labelled facts of a project page (IDF project sheets).

    ``start``, ``end`` and ``year`` (the funding year) are years, as the IDF gives them;
    the budget is in US dollars; the region is named in English, whatever the page's
    language. Each keeps its text, so a value that could not be read can still be shown.
    """

    start: Reading[int] | None = None
    end: Reading[int] | None = None
    status: Reading[ProjectStatus] | None = None
    type: str | None = None
    budget_usd: Reading[Decimal] | None = None
    coverage: str | None = None
    year: Reading[int] | None = None
    region: Reading[str] | None = None
    prima_id: str | None = None
    project_code: str | None = None
    member_states: CountryNames = field(default_factory=CountryNames)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": _text(self.start),
            "end": _text(self.end),
            "status": _text(self.status),
            "type": self.type,
            "budget_usd": _amount(self.budget_usd),
            "coverage": self.coverage,
            "year": _text(self.year),
            "region": _text(self.region),
            "prima_id": self.prima_id,
            "project_code": self.project_code,
            "member_states": list(self.member_states.names),
        }


def _text(reading: Reading[Any] | None) -> str | None:
    return reading.text if reading is not None else None


def _amount(reading: Reading[Decimal] | None) -> str | None:
    """The amount as a plain number ("1250000"), or the text when it could not be read."""
    if reading is None or reading.value is None:
        return _text(reading)
    return str(reading.value)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass
class StatementEntry:
    """One dated statement of a summit statement page."""

    date: datetime.date | None = None
    paragraphs: list[str] = field(default_factory=list)
    paragraph_refs: str | None = None
    summit: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": _iso(self.date),
            "paragraphs": list(self.paragraphs),
            "paragraph_refs": self.paragraph_refs,
            "summit": self.summit,
        }


@dataclass
class ParsedPage:
    """Everything recovered from one scraped page.

    ``language`` is the code (en, es, fr, pt) of the language its title and paragraphs are
    written in; ``countries`` the keys of the countries its dateline and title name;
    ``summit`` the summit a statements page is about ("VII Summit"), from its title.
    """

    source: str = ""
    kind: str | None = None
    title: str | None = None
    location: str | None = None
    date: datetime.date | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    project: ProjectFields | None = None
    statements: list[StatementEntry] = field(default_factory=list)
    summit: str | None = None
    unplaced_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-able shape used by ``import_sources --format json``."""
        return {
            "source": self.source,
            "kind": self.kind,
            "title": self.title,
            "location": self.location,
            "date": _iso(self.date),
            "paragraphs": list(self.paragraphs),
            "contacts": [contact.to_dict() for contact in self.contacts],
            "project": self.project.to_dict() if self.project else None,
            "statements": [entry.to_dict() for entry in self.statements],
            "unplaced_lines": list(self.unplaced_lines),
            "warnings": list(self.warnings),
            "error": self.error,
        }
