from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from iomcms.core.registry import sitemap_pages, sitemaps
from projects.models import Country

from .views import countries_with_counts


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["site:home", "site:countries", *sitemap_pages()]

    def location(self, name: str) -> str:
        return reverse(name)


class CountrySitemap(Sitemap):
    """Country pages with something published about them; the others are `noindex`."""

    changefreq = "weekly"

    def items(self) -> list[Country]:
        return [
            country
            for country in countries_with_counts(Country.objects.order_by("name"))
            if country.has_content
        ]


def site_sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap: the site's pages, each content app's list pages and the published
    records it registered, and the country pages."""
    sections = {"pages": PageSitemap, **sitemaps(), "countries": CountrySitemap}
    return sitemap(request, sections)
