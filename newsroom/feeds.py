"""RSS and Atom feeds of the news, for the whole list or any filtered view of it."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from iomcms.teasers import teaser

from .filters import ReleaseFilter
from .views import release_list_queryset

FEED_LENGTH = 20


class ReleaseFeed(Feed):
    """The latest releases; the news list's query string (country, theme, year, q) narrows it."""

    description = (
        "News releases of IOM, the UN Migration agency, in Latin America and the Caribbean."
    )
    filterset_class = ReleaseFilter

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.filterset_class(
            request.GET,
            queryset=release_list_queryset("go_live_at", "created_at", "updated_at"),
            request=request,
        )

    def title(self, filterset):
        values = filterset.active_values()
        labels = []
        for name in ("country", "theme", "year"):
            if name in values:
                choices = dict(filterset.filters[name].extra["choices"])
                labels.append(str(choices.get(values[name], values[name])))
        if "q" in values:
            labels.append(f"“{values['q']}”")
        suffix = f": {', '.join(labels)}" if labels else ""
        return f"IOM Latin America and the Caribbean — news{suffix}"

    def link(self, filterset):
        query = self.request.GET.urlencode()
        return reverse("newsroom:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        if not filterset.is_valid():
            return []
        return filterset.qs[:FEED_LENGTH]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.summary or teaser(release.teaser, 60)

    def item_pubdate(self, release):
        return release.go_live_at or release.created_at

    def item_updateddate(self, release):
        return release.updated_at


class AtomReleaseFeed(ReleaseFeed):
    feed_type = Atom1Feed
    subtitle = ReleaseFeed.description
