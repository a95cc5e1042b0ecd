"""Filter sets whose options are the values that exist, each with how many results it gives.

Each facet names the path of its value and where its possible values come from (a small
reference table, or a list). The values a visitor may submit are checked against those, so a
wrong one is a form error. The options shown are the values that would give results with
every other active filter applied — "Argentina (3)" means three results if Argentina is chosen
now — plus the one chosen. Counts and pages come from the list's facet index
(iomcms.core.facetindex) whenever only facets and words are chosen, so they cost the same at any
size (words cost one look-up in the search index); a range filter falls back to one grouped
query per facet.
"""

import copy
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, Self

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Model, QuerySet
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django_filters.views import FilterView

from .facetindex import FacetIndex, IndexedResults, build_index, current_index
from .forms import PlainSelect
from .search import matching_ids
from .translations import LANGUAGE_ORDER


class Filters(OrderedDict):
    """A filter set's filters, which each request copies for itself. Django-filter deep
    copies them, labels and widgets included, which is much of a filtered list's filter
    work; a request changes only a filter's own attributes and its `extra` options, so a copy
    of those will do. Fields deep-copy their widgets themselves."""

    def __deepcopy__(self, memo):
        copies = OrderedDict()
        for name, filter_ in self.items():
            copies[name] = copied = copy.copy(filter_)
            copied.extra = dict(filter_.extra)
            # Its form field is made from its own options, never shared.
            copied.__dict__.pop("_field", None)
            # A filter with a method calls it through an object bound to the filter.
            copied.method = filter_.method
        return copies


class Options(BaseChoiceIterator):
    """A facet's options, already (value, label) pairs. Django normalises a plain list of
    choices again each time a field reads it (to validate, to count, to render); an
    iterator it passes through as it is."""

    def __init__(self, choices: Iterable[tuple[Any, Any]]) -> None:
        self.choices = list(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


class FacetChoiceField(django_filters.fields.ChoiceField):
    """A facet's select. Its options are made for each request (they carry counts) and
    replaced, never changed in place, so the form's copy of the field shares them instead
    of deep-copying every option (a news list's facets offer two hundred)."""

    def __deepcopy__(self, memo):
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class FacetChoiceFilter(django_filters.ChoiceFilter):
    """The filter of a facet: one value of those the facet index knows."""

    field_class = FacetChoiceField


class FacetedFilterSet(django_filters.FilterSet):
    """A filter set over a model's published records, with facet counts. Its facet index
    holds every published record of the model, so the queryset it is given must be the
    published list (as for every list, feed and download here), narrowed by nothing else.
    """

    # filter name -> (path of the value, function giving the possible (value, label) pairs
    # among the published records it is given)
    facets: dict = {}
    # Orderings (as the ordering filter cleans them) the index keeps, each with whether it
    # reads the index backwards; any other order is sorted by the database.
    indexed_orderings: dict = {(): False}
    # Numeric columns the index keeps for totals.
    index_columns: tuple = ()
    # The filter narrowing the list to records holding some words, if there is one: the
    # search index gives every matching record, the facet index does the rest.
    words_filter: str | None = None
    # The facet of the records' language, if there is one: a visitor who has chosen no
    # language sees the records in the page's; its empty choice ("All languages") shows
    # every record.
    language_facet: str | None = None

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        index = self.current_index()
        # The page's language when the list has records in it and the visitor has chosen
        # none; else every language, the page saying so (`language_fallback`).
        self.language_fallback = None
        if self.language_facet is not None and (data is None or self.language_facet not in data):
            code = get_language()
            if index.masks[self.language_facet].get(code):
                data = data.copy() if data is not None else QueryDict(mutable=True)
                data[self.language_facet] = code
            elif code in LANGUAGE_ORDER:
                self.language_fallback = code
        super().__init__(data, *args, **kwargs)
        self.index = index
        for name in self.facets:
            self.filters[name].extra["choices"] = Options(self.index.choices[name])
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ChoiceFilter):
                filter_.extra["widget"] = PlainSelect

    @classmethod
    def get_filters(cls) -> Filters:
        return Filters(super().get_filters())

    @classmethod
    def current_index(cls) -> FacetIndex:
        """The list's facet index for the current content version."""
        return current_index(cls.__qualname__, cls.build_index)

    @classmethod
    def build_index(cls) -> FacetIndex:
        """The index of every published record of the list, in the list's order."""
        records = cls._meta.model.objects.published()
        return build_index(
            records,
            {name: path for name, (path, _) in cls.facets.items()},
            {name: list(possible(records)) for name, (_, possible) in cls.facets.items()},
            cls.index_columns,
        )

    def active_values(self) -> dict[str, Any]:
        """The cleaned values of the filters that are valid and set."""
        self.errors  # noqa: B018 -- validates the form
        cleaned = getattr(self.form, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "", [])}

    def chosen_values(self) -> list[str]:
        """The names of the filters the visitor narrowed the list by: the active ones but
        the order and the language when it is the page's (the default)."""
        active = self.active_values()
        active.pop("ordering", None)
        if self.language_facet is not None and active.get(self.language_facet) == get_language():
            active.pop(self.language_facet)
        return list(active)

    def index_selection(self, without: str | None = None) -> int | None:
        """The mask of the records the active filters choose, leaving out the facet
        `without`; None when a filter other than facets and words (a range) is active and
        only the database can tell which records match."""
        active = self.active_values()
        active.pop("ordering", None)
        text = active.pop(self.words_filter, None)
        if not active.keys() <= self.facets.keys():
            return None
        mask = self.index.selection(active, without=without)
        if text is not None:
            mask &= self.index.matching(text, partial(matching_ids, self._meta.model))
        return mask

    def filtered_without(self, excluded: str) -> QuerySet:
        queryset = self.queryset
        for name, value in self.active_values().items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_counts(self, name: str) -> Mapping[str, int]:
        mask = self.index_selection(without=name)
        if mask is not None:
            return self.index.counts(name, mask)
        value_path, _ = self.facets[name]
        rows = (
            self.filtered_without(name)
            .order_by()
            .values_list(value_path)
            # Every filter matches one value, so no join repeats a record: a plain
            # count is exact and much cheaper than COUNT(DISTINCT).
            .annotate(count=Count("pk"))
        )
        return {str(value): count for value, count in rows if value is not None}

    def indexed_results(self) -> IndexedResults | None:
        """The filtered list as the index gives it, or None when the index cannot tell
        which records match (see index_selection) or the form is invalid."""
        mask = self.index_selection()
        if mask is None or (self.is_bound and not self.is_valid()):
            return None
        ordering = tuple(getattr(self.form, "cleaned_data", {}).get("ordering") or ())
        reverse = self.indexed_orderings.get(ordering)
        return IndexedResults(
            self.index,
            mask,
            self.queryset.order_by(),
            reverse=bool(reverse),
            ordered=None if reverse is not None else self.qs,
        )

    def annotate_choices(self) -> Self:
        """Give every facet's options their counts; drop the options that would give none,
        except the one chosen. Call before the form is rendered."""
        active = {name: str(value) for name, value in self.active_values().items()}
        self.counts = {}
        for name in self.facets:
            counts = self.counts[name] = self.facet_counts(name)
            field = self.form.fields[name]
            shown = [
                (value, f"{label} ({counts.get(str(value), 0)})")
                for value, label in self.filters[name].extra["choices"]
                if counts.get(str(value)) or active.get(name) == str(value)
            ]
            # The field puts its empty choice ("All countries") first itself.
            field.choices = Options(sorted(shown, key=facet_sort_key(name)))
        return self

    def language_choice(self) -> dict[str, Any] | None:
        """What the list says of its language (after annotate_choices): the language it
        shows (the page's by default), or the page's it falls back from, and how many
        records every language holds under the other filters."""
        if self.language_facet is None:
            return None
        return {
            # The language the list shows, by default or chosen.
            "shown": self.active_values().get(self.language_facet),
            "fallback": self.language_fallback,
            "every": sum(self.counts[self.language_facet].values()),
        }


def distinct_values(path: str) -> Callable[[QuerySet], list[tuple[Any, Any]]]:
    """Possible values of a free-text field: those the list's records hold."""

    def possible(records: QuerySet) -> list[tuple[Any, Any]]:
        rows = records.order_by().exclude(**{path: ""}).values_list(path, flat=True)
        return [(value, value) for value in rows.distinct()]

    return possible


def from_table(
    queryset: QuerySet, value: str = "slug", label: str = "name"
) -> Callable[[QuerySet], QuerySet]:
    """Possible values of a reference table (countries, themes, regions)."""
    return lambda records: queryset.all().values_list(value, label)


def filed_under(
    index: FacetIndex, facet: str, record: Model, model: type[Model], field: str
) -> list[Model]:
    """The countries or themes (`model`, by slug and name) a record is filed under: read
    from the list's facet index, which holds every published record's, or else (a
    preview of a draft) from the database."""
    chosen = index.values_of(facet, record.pk)
    if chosen is None:
        return list(getattr(record, field).only("slug", "name"))
    return [model(slug=slug, name=name) for slug, name in chosen]


def facet_sort_key(name: str) -> Callable[[tuple[Any, Any]], int | str]:
    if name == "year":
        return lambda choice: -int(choice[0])
    return lambda choice: str(choice[1]).lower()


class BoundedPaginator(Paginator):
    """Offers at most MAX_PAGES pages of any list: deeper pages would make the database
    skip ever more rows. Older records are a filter away (year, country), and the count
    still says how many match."""

    MAX_PAGES = 250

    @cached_property
    def all_pages(self) -> int:
        return Paginator.num_pages.func(self)

    @cached_property
    def num_pages(self) -> int:
        return min(self.all_pages, self.MAX_PAGES)

    @property
    def is_bounded(self) -> bool:
        return self.all_pages > self.MAX_PAGES


class FacetedListView(FilterView):
    """A filtered list whose facets show their counts; a page past the end is a 404. A
    refused filter value (an unknown country, a budget that is not a number) gives the
    form's error, a page no shared cache keeps: each made-up value would be one more."""

    paginate_by = 20
    paginator_class = BoundedPaginator
    # Set by the switcher on a record's page when the record has no translation in the
    # list's language: the list says so.
    query_parameters = ("missing",)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            patch_cache_control(response, private=True)
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.filterset.annotate_choices()
        results = self.filterset.indexed_results()
        if results is not None:
            self.object_list = kwargs["object_list"] = results
        kwargs.setdefault("language_choice", self.filterset.language_choice())
        kwargs.setdefault("missing", bool(self.request.GET.get("missing")))
        return super().get_context_data(**kwargs)
