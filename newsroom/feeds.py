"""RSS and Atom feeds of the news, for the whole list or any filtered view of it."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from iomcms.core.teasers import teaser

from .filters import ReleaseFilter
from .models import NewsRelease

FEED_LENGTH = 20


class ReleaseFeed(Feed):
    """The latest releases; the news list's query string (country, theme, year, q) narrows it.
    A query the list would refuse (an unknown country, a year that is not one) is a 404.
    Each language has its feed (/es/news/feed/rss/): its title, description, links and
    declared language are the page's."""

    description = _(
        "News releases of IOM, the UN Migration agency, in Latin America and the Caribbean."
    )
    filterset_class = ReleaseFilter

    def get_object(self, request, *args, **kwargs):
        self.request = request
        filterset = self.filterset_class(
            request.GET,
            queryset=NewsRelease.objects.listed("updated_at"),
            request=request,
        )
        if not filterset.is_valid():
            raise Http404("No such list of news.")
        return filterset

    def title(self, filterset):
        values = filterset.active_values()
        labels = []
        for name in ("country", "theme", "year"):
            if name in values:
                choices = dict(filterset.filters[name].extra["choices"])
                labels.append(str(choices.get(values[name], values[name])))
        if "q" in values:
            labels.append(gettext("“%(words)s”") % {"words": values["q"]})
        if not labels:
            return gettext("IOM Latin America and the Caribbean — news")
        return gettext("IOM Latin America and the Caribbean — news: %(filters)s") % {
            "filters": ", ".join(labels)
        }

    def link(self, filterset):
        query = self.request.GET.urlencode()
        return reverse("newsroom:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        return filterset.qs[:FEED_LENGTH]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        """HTML, as feed readers take a description: the release's dateline, then its
        summary (or the opening of its body) as text, escaped like every editor's text."""
        return format_html(
            "<p>{}</p><p>{}</p>",
            dateline(release),
            release.summary or teaser(release.teaser, 60),
        )

    def item_pubdate(self, release):
        # When the release went live on this site: every published release has that time.
        return release.go_live_at

    def item_updateddate(self, release):
        return release.updated_at


def dateline(release):
    """Where and when, as the release's page shows it: the date the release states, else
    the day it went live on this site, labelled as such (no date is made up)."""
    if release.published_on:
        when = formats.date_format(release.published_on, "DATE_FORMAT")
    else:
        day = timezone.localtime(release.go_live_at)
        when = gettext("Published on this site %(date)s") % {
            "date": formats.date_format(day, "DATE_FORMAT")
        }
    return " · ".join(part for part in (release.location, when) if part)


class AtomReleaseFeed(ReleaseFeed):
    feed_type = Atom1Feed
    subtitle = ReleaseFeed.description
