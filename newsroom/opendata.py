"""The news list as open data: /news/download.csv and .json, with the list's filters."""

from iomcms.opendata import ListDownloadView

from .filters import ReleaseFilter
from .resources import NewsReleaseResource
from .views import release_list_queryset


class ReleaseDownloadView(ListDownloadView):
    filterset_class = ReleaseFilter
    resource_class = NewsReleaseResource
    # Public columns only: no contacts (a draft contact is not public), no publication state.
    public_fields = (
        "slug",
        "title",
        "location",
        "published_on",
        "summary",
        "body",
        "countries",
        "themes",
        "language",
    )
    filename = "news-releases"

    def get_queryset(self):
        return (
            release_list_queryset()
            .defer(None)
            .defer("search_vector", "source_values")
            .prefetch_related("countries", "themes")
        )
