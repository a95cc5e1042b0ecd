from django.db.models import Count, Q
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from iomcms.core.expressions import LinkedIds, ids_of
from iomcms.core.facets import FacetedListView, filed_under
from iomcms.core.translations import LANGUAGE_ORDER, RecordLanguages
from projects.models import Country

from .filters import ReleaseFilter
from .models import Contact, NewsRelease, Statement, Theme
from .querysets import NOT_SHOWN
from .seo import release_structured_data


class ReleaseListView(FacetedListView):
    filterset_class = ReleaseFilter
    template_name = "newsroom/newsrelease_list.html"
    context_object_name = "releases"

    def get_queryset(self):
        return NewsRelease.objects.listed()


class ReleaseDetailView(DetailView):
    context_object_name = "release"

    def records(self):
        """The releases this page may show (a preview narrows it to one draft)."""
        return NewsRelease.objects.published()

    def get_queryset(self):
        # Which media contacts the release names come with it, in its order.
        return (
            self.records()
            .defer(*NOT_SHOWN)
            .annotate(contact_ids=LinkedIds(NewsRelease.contact_links, "contact"))
            .with_translations("slug", published=True)
        )

    def get_context_data(self, **kwargs):
        release = self.object
        index = ReleaseFilter.current_index()
        countries = filed_under(index, "country", release, Country, "countries")
        themes = filed_under(index, "theme", release, Theme, "themes")
        return super().get_context_data(
            countries=countries,
            themes=themes,
            contacts=self.contacts(release),
            related=self.related(index, release, countries, themes),
            structured_data=release_structured_data(release, countries, self.request),
            record_languages=RecordLanguages(release, "newsroom:list"),
            **kwargs,
        )

    def contacts(self, release):
        """The release's media contacts that are published, in the release's order."""
        directory = Contact.objects.published_by_pk()
        return [directory[pk] for pk in ids_of(release.contact_ids) if pk in directory]

    def related(self, index, release, countries, themes, count=3):
        """The latest releases about the release's first country, else its first theme,
        found in the news list's facet index."""
        if countries:
            key = ("country", countries[0].slug)
        elif themes:
            key = ("theme", themes[0].slug)
        else:
            return []
        # The release's translations are the same news: none of them is related.
        own = {
            release.slug,
            *(getattr(release, f"translation_{code}", None) for code in LANGUAGE_ORDER),
        }
        latest = index.first_records(*key, count + len(own), NewsRelease.objects.listed)
        return [record for record in latest if record.slug not in own][:count]


# Querysets are built per request: published() reads the clock when it is called.


class ContactListView(ListView):
    context_object_name = "contacts"

    def get_queryset(self):
        return Contact.objects.listed()


class StatementListView(ListView):
    """The statements in the page's language, else (`?language=`, or when there are
    none in it) in every language; one query counts both, in place of the paginator's."""

    paginate_by = 20
    context_object_name = "statements"
    query_parameters = ("language", "missing")

    def get_queryset(self):
        return Statement.objects.listed()

    def paginate_queryset(self, queryset, page_size):
        code = get_language()
        counts = queryset.order_by().aggregate(
            every=Count("pk"), here=Count("pk", filter=Q(language=code))
        )
        chosen = "language" not in self.request.GET and code in LANGUAGE_ORDER
        self.language_choice = {
            "shown": code if chosen and counts["here"] else None,
            "fallback": code if chosen and not counts["here"] else None,
            "every": counts["every"],
        }
        if self.language_choice["shown"]:
            queryset, self.count = queryset.in_language(code), counts["here"]
        else:
            self.count = counts["every"]
        return super().paginate_queryset(queryset, page_size)

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = self.count  # counted with the language's, above
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # paginates, choosing the language
        context["language_choice"] = self.language_choice
        context["missing"] = bool(self.request.GET.get("missing"))
        return context


class StatementDetailView(DetailView):
    context_object_name = "statement"

    def records(self):
        """The statements this page may show (a preview narrows it to one draft)."""
        return Statement.objects.published()

    def get_queryset(self):
        return (
            self.records()
            .defer(*NOT_SHOWN)
            .select_related("summit")
            .with_translations("slug", published=True)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record_languages=RecordLanguages(self.object, "newsroom:statements"), **kwargs
        )
