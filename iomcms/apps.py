from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from import_export.signals import post_import


class IomcmsConfig(AppConfig):
    """The site itself: shared pages, templates, static files and set-up commands."""

    name = "iomcms"
    verbose_name = "Site"

    def ready(self):
        from . import audit, caching

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(caching.on_content_change, dispatch_uid=f"page-cache-{signal}")
        # While the page cache is down, each request has a content version of its own.
        request_started.connect(
            caching.availability.request_started, dispatch_uid="page-cache-request"
        )
        audit.connect()
        # Spreadsheet imports may write in bulk, without model signals.
        post_import.connect(caching.bump_content_version, dispatch_uid="page-cache-import")
