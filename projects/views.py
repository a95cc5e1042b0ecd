from django.db.models import Count, Sum
from django.views.generic import DetailView

from iomcms.core.facetindex import IndexedResults
from iomcms.core.facets import FacetedListView, filed_under
from iomcms.core.translations import RecordLanguages

from .filters import ProjectFilter
from .models import Country, Project


class ProjectListView(FacetedListView):
    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"
    context_object_name = "projects"

    def get_queryset(self):
        return Project.objects.listed()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.object_list, IndexedResults):
            totals = {
                "count": self.object_list.count(),
                "budget": self.object_list.total("budget_usd"),
            }
        else:
            totals = self.object_list.order_by().aggregate(
                count=Count("pk", distinct=True), budget=Sum("budget_usd")
            )
        return {**context, "totals": totals}


class ProjectDetailView(DetailView):
    context_object_name = "project"

    def records(self):
        """The projects this page may show (a preview narrows it to one draft)."""
        return Project.objects.published()

    def get_queryset(self):
        return (
            self.records()
            .defer("search_vector", "source_values")
            .select_related("idf_region")
            .with_translations("slug", published=True)
        )

    def get_context_data(self, **kwargs):
        member_states = filed_under(
            ProjectFilter.current_index(), "country", self.object, Country, "member_states"
        )
        return super().get_context_data(
            member_states=member_states,
            record_languages=RecordLanguages(self.object, "projects:list"),
            **kwargs,
        )
