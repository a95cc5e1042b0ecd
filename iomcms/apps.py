from django.apps import AppConfig


class IomcmsConfig(AppConfig):
    """The site itself: shared pages, templates, static files and set-up commands."""

    name = "iomcms"
    verbose_name = "Site"
