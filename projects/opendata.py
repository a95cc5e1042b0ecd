"""The project list as open data: /projects/download.csv and .json, with the list's filters."""

from iomcms.spreadsheets.opendata import ListDownloadView

from .filters import ProjectFilter
from .models import Project
from .resources import ProjectResource


class ProjectDownloadView(ListDownloadView):
    filterset_class = ProjectFilter
    resource_class = ProjectResource
    filename = "projects"

    def get_queryset(self):
        return Project.objects.downloaded()
