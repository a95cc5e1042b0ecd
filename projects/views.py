from django.views.generic import DetailView, ListView

from .models import Project


class ProjectListView(ListView):
    queryset = Project.objects.published().select_related("idf_region")
    paginate_by = 20
    context_object_name = "projects"


class ProjectDetailView(DetailView):
    queryset = (
        Project.objects.published().select_related("idf_region").prefetch_related("member_states")
    )
    context_object_name = "project"
