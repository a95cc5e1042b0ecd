"""How an import's preview shows each cell: short enough to read a row at a glance.

- A long text (a project's description, a release's body) folds to its first words; the
  whole text, with the words changed marked, opens underneath.
- A changed number or short value reads old → new, never marked character by character.
- Cells of rows with errors fold alike.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import ngettext
from import_export.resources import Diff, Resource
from import_export.results import Result
from import_export.widgets import Widget

from iomcms.editorial.revisions import counted_text_diff

FOLD_AT = 120  # characters; a longer cell shows this many and opens to the rest


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def number(value: Any, widget: Widget) -> str:
    """A number as an editor reads it: an amount grouped (1,250,000.50, or 1,250,000 when
    whole), a whole number such as a year as it is (2024)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if getattr(widget, "integer", False):
        return str(value)
    return number_format(value, force_grouping=True)


def folded(text: str, inside: str, note: str = "") -> SafeString:
    """`inside` (HTML) under a summary of `text`'s first words, and a note after them."""
    if note:
        note = format_html(' <span class="import-note">({})</span>', note)
    return format_html(
        '<details class="import-cell"><summary>{}{}</summary><div>{}</div></details>',
        Truncator(text).chars(FOLD_AT),
        note,
        inside,
    )


def fold(value: Any) -> str:
    """A cell's value, folded when long."""
    text = as_text(value)
    return folded(text, text) if len(text) > FOLD_AT else text


def changed_cell(before: Any, after: Any, widget: Widget) -> SafeString:
    """One changed cell: old → new, or a folded word diff for a long text."""
    if getattr(widget, "numeric", False):
        before, after = number(before, widget), number(after, widget)
    else:
        before, after = as_text(before), as_text(after)
    if max(len(before), len(after)) > FOLD_AT:
        html, changes = counted_text_diff(before, after)
        note = ngettext("%(count)d change", "%(count)d changes", changes) % {"count": changes}
        return folded(after or before, html, note)
    if not before:
        return format_html("<ins>{}</ins>", after)
    if not after:
        return format_html("<del>{}</del>", before)
    return format_html("<del>{}</del> → <ins>{}</ins>", before, after)


class PreviewDiff(Diff):
    """A row of the preview: each cell as it will be, changes marked, long text folded."""

    def __init__(self, resource: Resource, instance: Model | None, new: bool) -> None:
        super().__init__(resource, instance, new)
        self.widgets = [field.widget for field in resource.get_import_fields()]

    def as_html(self) -> list[str]:
        cells = []
        for before, after, widget in zip(self.left, self.right, self.widgets, strict=False):
            if not (self.new or before == after):
                cells.append(changed_cell(before, after, widget))
            elif getattr(widget, "numeric", False):
                cells.append(number(after, widget))
            else:
                cells.append(fold(after))
        return cells


class PreviewResult(Result):
    """An import's result; the cells of a row with errors are folded like the others."""

    def append_invalid_row(
        self, number: int, row: dict[str, Any], validation_error: ValidationError
    ) -> None:
        super().append_invalid_row(number, row, validation_error)
        invalid = self.invalid_rows[-1]
        invalid.values = tuple(fold(value) for value in invalid.values)
