"""Pages that draw on both apps: the home page and the country pages."""

from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView, ListView, TemplateView

from newsroom.models import Contact, NewsRelease
from projects.models import Country, Project


def countries_with_counts():
    """Countries with how many published releases and projects each has, busiest first."""
    return Country.objects.annotate(
        release_count=Count(
            "news_releases",
            filter=Q(news_releases__in=NewsRelease.objects.published()),
            distinct=True,
        ),
        project_count=Count(
            "projects", filter=Q(projects__in=Project.objects.published()), distinct=True
        ),
    )


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_releases=NewsRelease.objects.published()[:5],
            projects=Project.objects.published().select_related("idf_region")[:5],
            countries=countries_with_counts()
            .filter(Q(release_count__gt=0) | Q(project_count__gt=0))
            .order_by("name"),
            **kwargs,
        )


class CountryListView(ListView):
    template_name = "country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return countries_with_counts().select_related("region")


class CountryDetailView(DetailView):
    template_name = "country_detail.html"
    context_object_name = "country"

    def get_queryset(self):
        return Country.objects.select_related("region").prefetch_related(
            Prefetch("projects", queryset=Project.objects.published(), to_attr="live_projects"),
            Prefetch(
                "offices__contacts",
                queryset=Contact.objects.published(),
            ),
        )

    def get_context_data(self, **kwargs):
        releases = NewsRelease.objects.published().filter(countries=self.object)
        return super().get_context_data(releases=releases[:20], **kwargs)
