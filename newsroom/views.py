from django.db.models import Prefetch, Q
from django.db.models.functions import Left
from django.views.generic import DetailView, ListView

from iomcms.facets import FacetedListView
from iomcms.seo import release_structured_data

from .filters import ReleaseFilter
from .models import Contact, NewsRelease, ReleaseContact, Statement

TEASER_LENGTH = 320


def release_list_queryset():
    """Published releases as lists show them: a teaser, not the whole body."""
    return (
        NewsRelease.objects.published()
        .defer("body", "search_vector", "source_values")
        .annotate(teaser=Left("body", TEASER_LENGTH))
    )


class ReleaseListView(FacetedListView):
    filterset_class = ReleaseFilter
    template_name = "newsroom/newsrelease_list.html"
    context_object_name = "releases"

    def get_queryset(self):
        return release_list_queryset()


class ReleaseDetailView(DetailView):
    context_object_name = "release"

    def get_queryset(self):
        contacts = ReleaseContact.objects.filter(
            contact__in=Contact.objects.published()
        ).select_related("contact__office")
        return NewsRelease.objects.published().prefetch_related(
            "countries", "themes", Prefetch("contact_links", queryset=contacts)
        )

    def get_context_data(self, **kwargs):
        release = self.object
        related = Q(countries__in=[country.pk for country in release.countries.all()]) | Q(
            themes__in=[theme.pk for theme in release.themes.all()]
        )
        return super().get_context_data(
            related=release_list_queryset().filter(related).exclude(pk=release.pk).distinct()[:3],
            structured_data=release_structured_data(release, self.request),
            **kwargs,
        )


class ContactListView(ListView):
    queryset = (
        Contact.objects.published().select_related("office").order_by("office__name", "name")
    )
    context_object_name = "contacts"


class StatementListView(ListView):
    queryset = (
        Statement.objects.published()
        .select_related("summit")
        .defer("body", "search_vector", "source_values")
        .annotate(teaser=Left("body", TEASER_LENGTH))
    )
    paginate_by = 20
    context_object_name = "statements"


class StatementDetailView(DetailView):
    queryset = Statement.objects.published().select_related("summit")
    context_object_name = "statement"
