from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from iomcms.core.registry import sitemap_pages, sitemaps
from projects.models import Country

from .views import countries_with_counts


class InEveryLanguage:
    """A sitemap section listing each page in every language, each entry with its
    alternates (xhtml:link hreflang), x-default the address without a language."""

    i18n = True
    alternates = True
    x_default = True


def in_every_language(section: type[Sitemap]) -> type[Sitemap]:
    """An app's sitemap section, its pages listed in every language: every public page
    is under the language prefixes (iomcms/urls.py)."""
    return type(section.__name__, (InEveryLanguage, section), {})


class PageSitemap(InEveryLanguage, Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["site:home", "site:countries", *sitemap_pages()]

    def location(self, name: str) -> str:
        return reverse(name)


class CountrySitemap(InEveryLanguage, Sitemap):
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
    records it registered, and the country pages, each in every language."""
    registered = {name: in_every_language(section) for name, section in sitemaps().items()}
    sections = {"pages": PageSitemap, **registered, "countries": CountrySitemap}
    return sitemap(request, sections)
