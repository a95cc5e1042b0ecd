"""How an import's preview shows each cell: short enough to read a row at a glance.

- A long text (a project's description, a release's body) folds to its first words; the
  whole text, with the words changed marked, opens underneath.
- A changed number or short value reads old → new, never marked character by character.
- Cells of rows with errors fold alike.
"""

import difflib
import re
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import ngettext
from import_export.resources import Diff
from import_export.results import Result

FOLD_AT = 120  # characters; a longer cell shows this many and opens to the rest
WORDS = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it


def as_text(value):
    return "" if value is None else str(value)


def number(value, widget):
    """A number as an editor reads it: an amount grouped (1,250,000.50, or 1,250,000 when
    whole), a whole number such as a year as it is (2024)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if getattr(widget, "integer", False):
        return str(value)
    return number_format(value, force_grouping=True)


def folded(text, inside, note=""):
    """`inside` (HTML) under a summary of `text`'s first words, and a note after them."""
    if note:
        note = format_html(' <span class="import-note">({})</span>', note)
    return format_html(
        '<details class="import-cell"><summary>{}{}</summary><div>{}</div></details>',
        Truncator(text).chars(FOLD_AT),
        note,
        inside,
    )


def fold(value):
    """A cell's value, folded when long."""
    text = as_text(value)
    return folded(text, text) if len(text) > FOLD_AT else text


def marked(tag, text):
    """`text` in `tag`, the spaces after its last word left unmarked."""
    words = text.rstrip()
    return format_html("<{0}>{1}</{0}>{2}", tag, words, text[len(words) :])


def word_diff(before, after):
    """`after` with the words taken out of `before` in <del> and those put in, in <ins>;
    and how many places changed."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    pieces, changes = [], 0
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(escape("".join(new[new_start:new_end])))
            continue
        changes += 1
        removed, added = "".join(old[old_start:old_end]), "".join(new[new_start:new_end])
        if removed:
            pieces.append(marked("del", removed))
        if added:
            pieces.append(marked("ins", added))
    return mark_safe("".join(pieces)), changes  # noqa: S308 - every piece is escaped above


def changed_cell(before, after, widget):
    """One changed cell: old → new, or a folded word diff for a long text."""
    if getattr(widget, "numeric", False):
        before, after = number(before, widget), number(after, widget)
    else:
        before, after = as_text(before), as_text(after)
    if max(len(before), len(after)) > FOLD_AT:
        html, changes = word_diff(before, after)
        note = ngettext("%(count)d change", "%(count)d changes", changes) % {"count": changes}
        return folded(after or before, html, note)
    if not before:
        return format_html("<ins>{}</ins>", after)
    if not after:
        return format_html("<del>{}</del>", before)
    return format_html("<del>{}</del> → <ins>{}</ins>", before, after)


class PreviewDiff(Diff):
    """A row of the preview: each cell as it will be, changes marked, long text folded."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.widgets = [field.widget for field in resource.get_import_fields()]

    def as_html(self):
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

    def append_invalid_row(self, number, row, validation_error):
        super().append_invalid_row(number, row, validation_error)
        invalid = self.invalid_rows[-1]
        invalid.values = tuple(fold(value) for value in invalid.values)
