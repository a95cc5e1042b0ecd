import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer, Jinja2
from markupsafe import Markup, escape

# One renderer for every public form, so its template engine is set up once per process.
JINJA2_RENDERER = Jinja2()


class PublicForm(forms.Form):
    """A form of the public pages. Its widgets are rendered by Jinja2, which renders a
    filter's select of many options with less work than Django's template engine."""

    default_renderer = JINJA2_RENDERER


class PlainSelect(forms.Select):
    """A select written out in Python, each value and label escaped: the HTML Django's
    template gives, without rendering a template for each option: a news filter offers a
    hundred options, and a list page shows the filter on every request. No option
    groups."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> Markup:
        chosen = {str(item) for item in self.format_value(value)}
        options = "\n".join(
            f'  <option value="{escape(option)}"{" selected" if str(option) in chosen else ""}>'
            f"{escape(label)}</option>"
            for option, label in self.choices
        )
        attributes = written_attributes(self.build_attrs(self.attrs, attrs))
        return Markup(f'<select name="{escape(name)}"{attributes}>\n{options}\n</select>')


class PlainInputMixin:
    """An input written out in Python: the HTML Django's input template gives, without
    rendering a template (a project filter form has five inputs)."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> Markup:
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        return Markup(
            f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"'
            f"{value}{written_attributes(widget['attrs'])}>"
        )


def written_attributes(attrs: Mapping[str, Any]) -> str:
    """HTML attributes as Django's attrs template writes them: in order, True as a bare
    name, False left out, values escaped."""
    return "".join(
        f" {escape(key)}" if given is True else f' {escape(key)}="{escape(given)}"'
        for key, given in attrs.items()
        if given is not False
    )


class PlainTextInput(PlainInputMixin, forms.TextInput):
    pass


# What HTML accepts as the value of a number input.
HTML_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class PlainNumberInput(PlainInputMixin, forms.NumberInput):
    """A number input. A value that is no number (typed into a URL) is not written back:
    the input cannot hold it, and the error under the field says what was wrong."""

    def format_value(self, value: Any) -> str | None:
        value = super().format_value(value)
        if value is None or not HTML_NUMBER.fullmatch(str(value)):
            return None
        return value
