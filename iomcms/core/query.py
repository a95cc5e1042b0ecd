"""The query parameters a public page reads, found from its view: the fields of its filter
set or form, its paginator's page, and any it names itself (`query_parameters`).

A visitor's request reaches the page with those alone, in that order, and the page cache
keys pages on them: `?utm_source=…` or `?junk=1` gives the same page from the same cache
entry, where each made one before.
"""

import copy
import functools
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, override

ViewFunction = Callable[..., HttpResponse]


class ReadRecorder:
    """Query data holding nothing that notes what a form's widgets ask of it: name ->
    whether every value given is read (a multiple choice) or only the last."""

    def __init__(self) -> None:
        self.names: dict[str, bool] = {}

    def get(self, key: str, default: Any = None) -> Any:
        self.names.setdefault(key, False)
        return default

    def getlist(self, key: str, default: list[str] | None = None) -> list[str]:
        self.names[key] = True
        return [] if default is None else default

    def __contains__(self, key):
        self.names.setdefault(key, False)
        return False

    def __getitem__(self, key):
        self.names.setdefault(key, False)
        raise KeyError(key)


def form_parameters(fields: Mapping[str, forms.Field]) -> dict[str, bool]:
    """The parameters that form `fields` (name -> form field) read, as ReadRecorder
    notes them: a range's two inputs, a multiple choice's every value."""
    recorder = ReadRecorder()
    for name, field in fields.items():
        field.widget.value_from_datadict(recorder, {}, name)
    return recorder.names


def view_parameters(view: Callable[..., Any]) -> dict[str, bool]:
    """The parameters the URL pattern's callback `view` reads (name -> every value)."""
    owner = getattr(view, "view_class", view)
    names: dict[str, bool] = {}
    if filterset_class := getattr(owner, "filterset_class", None):
        # A copy of the filters: a filter keeps the form field it makes.
        filters = copy.deepcopy(filterset_class.base_filters)
        names |= form_parameters({name: filter_.field for name, filter_ in filters.items()})
    if form_class := getattr(owner, "form_class", None):
        names |= form_parameters(form_class.base_fields)
    if getattr(owner, "paginate_by", None):
        names[owner.page_kwarg] = False
    names |= dict.fromkeys(getattr(owner, "query_parameters", ()), False)
    return names


@functools.lru_cache(maxsize=4096)
def path_parameters(path: str, urlconf: str | None = None) -> dict[str, bool] | None:
    """The parameters the page at `path` reads; None when no page answers there."""
    # A page under a language's prefix resolves only while that language is active;
    # this runs before the request's language is, so it is taken from the path.
    try:
        with override(get_language_from_path(path)):
            match = resolve(path, urlconf)
    except Resolver404:
        return None
    return view_parameters(match.func)


def read_query(request: HttpRequest) -> QueryDict | None:
    """The request's query string narrowed to the parameters its page reads, in the order
    the page reads them; None when no page answers at its path."""
    names = path_parameters(request.path_info, getattr(request, "urlconf", None))
    if names is None:
        return None
    query = QueryDict(mutable=True)
    for name, every in names.items():
        values = request.GET.getlist(name)
        if values:
            query.setlist(name, values if every else values[-1:])
    query._mutable = False
    return query


def reads_query(*names: str) -> Callable[[ViewFunction], ViewFunction]:
    """Mark a function view as reading the query parameters `names`."""

    def mark(view: ViewFunction) -> ViewFunction:
        @functools.wraps(view)
        def marked(*args: Any, **kwargs: Any) -> HttpResponse:
            return view(*args, **kwargs)

        marked.query_parameters = names
        return marked

    return mark
