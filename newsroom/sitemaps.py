from django.contrib.sitemaps import Sitemap

from .models import NewsRelease, Statement


class ReleaseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return NewsRelease.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, release):
        return release.updated_at


class StatementSitemap(ReleaseSitemap):
    def items(self):
        return Statement.objects.published().only("slug", "updated_at").order_by("pk")
