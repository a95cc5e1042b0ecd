"""Filter sets whose options are the values that exist, each with how many results it gives.

Each facet names the path of its value and where its possible values come from (a small
reference table, or a list). The values a visitor may submit are checked against those, so a
wrong one is a form error. The options shown are the values that would give results with
every other active filter applied — "Argentina (3)" means three results if Argentina is chosen
now — plus the one chosen. Each facet costs one grouped query, whatever the table's size.
"""

import hashlib

import django_filters
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.functional import cached_property
from django_filters.views import FilterView

from .caching import content_version, page_cache


class FacetedFilterSet(django_filters.FilterSet):
    # filter name -> (path of the value, function giving the possible (value, label) pairs)
    facets: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (_, possible) in self.facets.items():
            self.filters[name].extra["choices"] = list(possible(self))

    def active_values(self):
        """The cleaned values of the filters that are valid and set."""
        self.errors  # noqa: B018 -- validates the form
        cleaned = getattr(self.form, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "", [])}

    def filtered_without(self, excluded):
        queryset = self.queryset
        for name, value in self.active_values().items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_counts(self, name):
        key = self.memo_key(name)
        counts = page_cache().get(key) if key else None
        if counts is None:
            value_path, _ = self.facets[name]
            rows = (
                self.filtered_without(name)
                .order_by()
                .values_list(value_path)
                # Every filter matches one value, so no join repeats a record: a plain
                # count is exact and much cheaper than COUNT(DISTINCT).
                .annotate(count=Count("pk"))
            )
            counts = {str(value): count for value, count in rows if value is not None}
            if key:
                page_cache().set(key, counts, settings.PAGE_CACHE_SECONDS)
        return counts

    def memo_key(self, name):
        """Counts are kept with the page cache, for its content version: every page of a
        list, and every ordering of it, shares them; any content change makes new ones.
        None when the page cache is off."""
        if not settings.PAGE_CACHE_SECONDS:
            return None
        others = sorted(
            (other, str(value))
            for other, value in self.active_values().items()
            if other not in (name, "ordering")
        )
        digest = hashlib.sha256(repr((type(self).__name__, name, others)).encode()).hexdigest()
        return f"facets:{content_version()}:{digest}"

    def annotate_choices(self):
        """Give every facet's options their counts; drop the options that would give none,
        except the one chosen. Call before the form is rendered."""
        active = {name: str(value) for name, value in self.active_values().items()}
        for name in self.facets:
            counts = self.facet_counts(name)
            field = self.form.fields[name]
            shown = [
                (value, f"{label} ({counts.get(str(value), 0)})")
                for value, label in self.filters[name].extra["choices"]
                if counts.get(str(value)) or active.get(name) == str(value)
            ]
            field.choices = [("", field.choices[0][1])] + sorted(shown, key=facet_sort_key(name))
        return self


def distinct_values(path):
    """Possible values of a free-text field: those the list's records hold."""

    def possible(filterset):
        rows = filterset.queryset.order_by().exclude(**{path: ""}).values_list(path, flat=True)
        return [(value, value) for value in rows.distinct()]

    return possible


def from_table(queryset, value="slug", label="name"):
    """Possible values of a reference table (countries, themes, regions)."""
    return lambda filterset: queryset.all().values_list(value, label)


def facet_sort_key(name):
    if name == "year":
        return lambda choice: -int(choice[0])
    return lambda choice: str(choice[1]).lower()


class BoundedPaginator(Paginator):
    """Offers at most MAX_PAGES pages of any list: deeper pages would make the database
    skip ever more rows. Older records are a filter away (year, country), and the count
    still says how many match."""

    MAX_PAGES = 250

    @cached_property
    def all_pages(self):
        return Paginator.num_pages.func(self)

    @cached_property
    def num_pages(self):
        return min(self.all_pages, self.MAX_PAGES)

    @property
    def is_bounded(self):
        return self.all_pages > self.MAX_PAGES


class FacetedListView(FilterView):
    """A filtered list whose facets show their counts; a page past the end is a 404."""

    paginate_by = 20
    paginator_class = BoundedPaginator

    def get_context_data(self, **kwargs):
        self.filterset.annotate_choices()
        return super().get_context_data(**kwargs)
