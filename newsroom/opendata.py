"""The news list as open data: /news/download.csv and .json, with the list's filters."""

from iomcms.spreadsheets.opendata import ListDownloadView

from .filters import ReleaseFilter
from .models import NewsRelease
from .resources import NewsReleaseResource


class ReleaseDownloadView(ListDownloadView):
    filterset_class = ReleaseFilter
    resource_class = NewsReleaseResource
    # No contacts (a draft contact is not public) and no publication state.
    private_fields = ("contacts", "status", "go_live_at")
    filename = "news-releases"

    def get_queryset(self):
        return NewsRelease.objects.downloaded()
