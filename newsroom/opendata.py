"""The news list as open data: /news/download.csv and .json, with the list's filters."""

from iomcms.opendata import ListDownloadView

from .filters import ReleaseFilter
from .resources import NewsReleaseResource
from .views import release_list_queryset


class ReleaseDownloadView(ListDownloadView):
    filterset_class = ReleaseFilter
    resource_class = NewsReleaseResource
    # No contacts (a draft contact is not public) and no publication state.
    private_fields = ("contacts", "status", "go_live_at")
    filename = "news-releases"

    def get_queryset(self):
        return (
            release_list_queryset()
            .defer(None)
            .defer("search_vector", "source_values")
            .prefetch_related("countries", "themes")
        )
