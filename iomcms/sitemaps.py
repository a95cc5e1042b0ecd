from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsroom.sitemaps import ReleaseSitemap, StatementSitemap
from projects.models import Country
from projects.sitemaps import ProjectSitemap

from .views import countries_with_counts


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "site:home",
            "newsroom:list",
            "projects:list",
            "site:countries",
            "newsroom:statements",
            "newsroom:contacts",
        ]

    def location(self, name):
        return reverse(name)


class CountrySitemap(Sitemap):
    """Country pages with something published about them; the others are `noindex`."""

    changefreq = "weekly"

    def items(self):
        return [
            country
            for country in countries_with_counts(Country.objects.order_by("name"))
            if country.has_content
        ]


SITEMAPS = {
    "pages": PageSitemap,
    "news": ReleaseSitemap,
    "projects": ProjectSitemap,
    "statements": StatementSitemap,
    "countries": CountrySitemap,
}
