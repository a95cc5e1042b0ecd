"""Model fields the apps share."""

import re
from typing import Any, TypeVar

from django import forms
from django.db import models
from django.db.models.query_utils import DeferredAttribute

T = TypeVar("T")

SPACE_BEFORE_LINE_END = re.compile(r"[^\S\n]\n")


def normalise_text(text: T) -> T:
    """Text as it is stored: line ends as LF (browsers post CRLF), no whitespace at the end
    of a line or of the text. Leading indentation and blank lines between paragraphs stay."""
    if not isinstance(text, str) or is_normalised(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def is_normalised(text: str) -> bool:
    """A quick look (every record read is checked) that finds nothing to change."""
    return not ("\r" in text or text[-1:].isspace() or SPACE_BEFORE_LINE_END.search(text))


class NormalisedTextAttribute(DeferredAttribute):
    """Normalises whatever is assigned (a form, an import, a restored version, a row read
    back), as FileField's descriptor turns what is assigned into a file."""

    def __set__(self, instance: models.Model, value: object) -> None:
        instance.__dict__[self.field.attname] = normalise_text(value)


class NormalisedTextFormField(forms.CharField):
    """Text from a form in the form it is stored, so that the CRLF a browser posts for text
    nobody touched is not taken for a change (the admin's "Changed Body.", a new version)."""

    def to_python(self, value: Any) -> str | None:
        return normalise_text(super().to_python(value))


class NormalisedTextField(models.TextField):
    """A TextField that only ever holds normalised text (see `normalise_text`), so the same
    words saved from a browser, a spreadsheet or a source text compare equal.

    The attribute normalises what is assigned; `to_python` normalises what reaches the
    database any other way (`QuerySet.update()`, `bulk_update`) and what forms clean.
    """

    descriptor_class = NormalisedTextAttribute

    def to_python(self, value: Any) -> str | None:
        return normalise_text(super().to_python(value))

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        return super().formfield(**{"form_class": NormalisedTextFormField, **kwargs})
