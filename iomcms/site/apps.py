from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The public site as a whole: pages drawing on every app (home, countries, search,
    /healthz), the sitemap, the page cache, templates, static files and set-up commands."""

    name = "iomcms.site"
    label = "iomcms_site"
    verbose_name = "Public site"
