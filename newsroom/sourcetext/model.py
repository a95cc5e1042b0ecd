"""Typed records produced by the source-text parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Contact:
    """One press contact; every field is optional because scrapes lose data."""

    name: str | None = None
    office: str | None = None
    phone: str | None = None
    email: str | None = None
    role: str | None = None

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
    """The labelled facts of a project page (IDF project sheets)."""

    start: str | None = None
    end: str | None = None
    status: str | None = None
    type: str | None = None
    budget_usd: str | None = None
    coverage: str | None = None
    year: str | None = None
    region: str | None = None
    prima_id: str | None = None
    project_code: str | None = None
    member_states: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "type": self.type,
            "budget_usd": self.budget_usd,
            "coverage": self.coverage,
            "year": self.year,
            "region": self.region,
            "prima_id": self.prima_id,
            "project_code": self.project_code,
            "member_states": list(self.member_states),
        }


@dataclass
class StatementEntry:
    """One dated statement of a summit statement page."""

    date: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    paragraph_refs: str | None = None
    summit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "paragraphs": list(self.paragraphs),
            "paragraph_refs": self.paragraph_refs,
            "summit": self.summit,
        }


@dataclass
class ParsedPage:
    """Everything recovered from one scraped page."""

    source: str = ""
    kind: str | None = None
    title: str | None = None
    location: str | None = None
    date: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    project: ProjectFields | None = None
    statements: list[StatementEntry] = field(default_factory=list)
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
            "date": self.date,
            "paragraphs": list(self.paragraphs),
            "contacts": [contact.to_dict() for contact in self.contacts],
            "project": self.project.to_dict() if self.project else None,
            "statements": [entry.to_dict() for entry in self.statements],
            "unplaced_lines": list(self.unplaced_lines),
            "warnings": list(self.warnings),
            "error": self.error,
        }
