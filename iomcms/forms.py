from django import forms
from django.forms.renderers import Jinja2
from django.forms.utils import flatatt
from django.utils.html import format_html
from markupsafe import Markup, escape

# One renderer for every public form, so its template engine is set up once per process.
JINJA2_RENDERER = Jinja2()


class PublicForm(forms.Form):
    """A form of the public pages. Its widgets are rendered by Jinja2: a filter's select of
    fifty options takes a fraction of the time Django's template engine needs for it."""

    default_renderer = JINJA2_RENDERER


class PlainSelect(forms.Select):
    """A select written out in Python, each value and label escaped: the HTML Django's
    template gives, without rendering a template for each option. A news filter offers a
    hundred options, and rendering them one template at a time was a third of the list
    page's time. No option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = "\n".join(
            f'  <option value="{escape(option)}"{" selected" if str(option) in chosen else ""}>'
            f"{escape(label)}</option>"
            for option, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', name, attributes, Markup(options)
        )
