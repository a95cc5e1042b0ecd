from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsroom.sitemaps import ReleaseSitemap, StatementSitemap
from projects.models import Country
from projects.sitemaps import ProjectSitemap


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
    changefreq = "weekly"

    def items(self):
        return Country.objects.order_by("name")


SITEMAPS = {
    "pages": PageSitemap,
    "news": ReleaseSitemap,
    "projects": ProjectSitemap,
    "statements": StatementSitemap,
    "countries": CountrySitemap,
}
