"""Pages that draw on both apps: the home page and the country pages."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from iomcms.core import registry
from iomcms.core.forms import PlainTextInput, PublicForm
from iomcms.core.search import CANDIDATES as COUNT_CAP
from iomcms.core.search import best_matches, words
from iomcms.core.translations import LANGUAGE_ORDER
from newsroom.filters import ReleaseFilter
from newsroom.models import Contact, NewsRelease
from projects.filters import ProjectFilter
from projects.models import Country, Project, ProjectStatus


def countries_with_counts(countries: Iterable[Country]) -> list[Country]:
    """`countries` (a list), each with how many published releases and projects it has,
    counted from the lists' facet indexes, and whether it has any (`has_content`)."""
    releases, projects = ReleaseFilter.current_index(), ProjectFilter.current_index()
    release_counts = releases.counts("country", releases.everything)
    project_counts = projects.counts("country", projects.everything)
    countries = list(countries)
    for country in countries:
        country.release_count = release_counts.get(country.slug, 0)
        country.project_count = project_counts.get(country.slug, 0)
        country.has_content = bool(country.release_count or country.project_count)
    return countries


def in_page_language(
    releases: QuerySet[NewsRelease], name: str, count: int, **facets: str
) -> dict[str, Any]:
    """The first `count` of `releases` (those filed under `facets` in the news list's facet
    index) in the page's language, as `name`; all of them when none is in that language,
    `<name>_fallback` then saying so. The index tells which, with no query."""
    index = ReleaseFilter.current_index()
    code = get_language()
    here = index.selection({**facets, "language": code}) if code in LANGUAGE_ORDER else 0
    if here:
        releases = releases.in_language(code)
    return {name: releases[:count], f"{name}_fallback": not here and code in LANGUAGE_ORDER}


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        projects = Project.objects.in_brief()
        active = list(projects.filter(project_status=ProjectStatus.ACTIVE)[:5])
        return super().get_context_data(
            **in_page_language(NewsRelease.objects.listed(), "latest_releases", 5),
            projects=active or list(projects[:5]),
            showing_active_projects=bool(active),
            countries=sorted(
                (
                    country
                    for country in countries_with_counts(Country.objects.order_by("name"))
                    if country.has_content
                ),
                key=lambda country: str(country.local_name),
            ),
            **kwargs,
        )


class CountryListView(ListView):
    template_name = "country_list.html"
    context_object_name = "countries"

    def get_queryset(self) -> list[Country]:
        """Countries by region, each region once: the one holding most countries (the
        region this office serves) first, then by size and name, countries without a
        region last; countries by name within their region."""
        countries = countries_with_counts(Country.objects.select_related("region"))
        sizes = Counter(country.region_id for country in countries)

        def place(country: Country) -> tuple[bool, int, str, str]:
            region = country.region
            if region is None:
                return (True, 0, "", str(country.local_name))
            return (False, -sizes[region.pk], region.name, str(country.local_name))

        return sorted(countries, key=place)


class CountryDetailView(DetailView):
    template_name = "country_detail.html"
    context_object_name = "country"

    def get_queryset(self) -> QuerySet[Country]:
        return Country.objects.select_related("region").prefetch_related(
            Prefetch("projects", queryset=Project.objects.published(), to_attr="live_projects"),
            Prefetch(
                "offices__contacts",
                queryset=Contact.objects.published(),
            ),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        releases = NewsRelease.objects.listed().filter(countries=self.object)
        return super().get_context_data(
            **in_page_language(releases, "releases", 20, country=self.object.slug), **kwargs
        )


# "Only in <the page's language>", by the page's language.
ONLY_IN = {
    "es": _("Only in Spanish"),
    "en": _("Only in English"),
    "pt": _("Only in Portuguese"),
    "fr": _("Only in French"),
}


class SearchForm(PublicForm):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=200,
        required=False,
        widget=PlainTextInput(attrs={"type": "search"}),
    )
    # Every language (the page's first), or the page's only. Another language's code (a
    # link from that language's page, through the switcher) reads as every language.
    language = forms.CharField(label=_("Languages"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_language = get_language()
        self.language_choices = [
            ("", _("All languages")),
            (self.page_language, ONLY_IN[self.page_language]),
        ]

    def clean_language(self) -> str:
        chosen = self.cleaned_data["language"]
        return chosen if chosen == self.page_language else ""


@dataclass
class ResultGroup:
    name: str
    hits: list
    total: int


def search_site(
    text: str, limit: int = 20, first: str | None = None, only: str | None = None
) -> list[ResultGroup]:
    """Published records of every searchable model matching `text`, by type: those in the
    language `first` before the others, or only those in the language `only`."""
    results = []
    for model, search in registry.searches():
        if search.find is not None:
            hits, total = search.find(text, limit)
        else:
            # What a hit shows: its title, its link, its language and an excerpt of its text.
            queryset = model.objects.published().only("title", "slug", "language", search.field)
            if only:
                queryset = queryset.filter(language=only)
            hits, total = best_matches(queryset, text, search.field, limit, first)
        results.append(ResultGroup(search.heading, hits, total))
    return results


class SearchView(TemplateView):
    """Results for any words; words the form refuses (too long) give its error, a page no
    shared cache keeps."""

    template_name = "search.html"
    form_class = SearchForm

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if context["form"].errors:
            patch_cache_control(response, private=True)
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form = self.form_class(self.request.GET)
        valid = form.is_valid()
        text = form.cleaned_data["q"].strip() if valid else ""
        only = form.cleaned_data["language"] if valid else ""
        language = form.page_language
        groups = search_site(text, first=language, only=only) if words(text) else []
        return super().get_context_data(
            form=form,
            query=text,
            search_language=language,
            only=only,
            groups=groups,
            total=sum(group.total for group in groups),
            cap=COUNT_CAP,
            **kwargs,
        )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the caches all answer, 503 (saying which failed)
    otherwise. The site serves pages without its caches, uncached; this says so."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            checks["database"] = "ok" if cursor.fetchone() == (1,) else "wrong answer"
    except DatabaseError as error:
        checks["database"] = f"error: {error.__class__.__name__}"
    checks["cache"] = caches_state()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


def caches_state() -> str:
    """ "ok" when every cache keeps and gives back a value, else what went wrong."""
    for alias in settings.CACHES:
        try:
            caches[alias].set("healthz", "ok", 10)
            if caches[alias].get("healthz") != "ok":
                return f"no answer ({alias})"
        except Exception as error:  # any cache backend failure means unhealthy
            return f"error: {error.__class__.__name__} ({alias})"
    return "ok"
