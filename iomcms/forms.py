from django import forms
from django.forms.renderers import Jinja2

# One renderer for every public form, so its template engine is set up once per process.
JINJA2_RENDERER = Jinja2()


class PublicForm(forms.Form):
    """A form of the public pages. Its widgets are rendered by Jinja2: a filter's select of
    fifty options takes a fraction of the time Django's template engine needs for it."""

    default_renderer = JINJA2_RENDERER
