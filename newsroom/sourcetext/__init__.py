"""Parsing of scraped IOM page text into structured records (no Django)."""

from .model import Contact, ParsedPage, ProjectFields, StatementEntry
from .parser import parse_text

__all__ = ["Contact", "ParsedPage", "ProjectFields", "StatementEntry", "parse_text"]
