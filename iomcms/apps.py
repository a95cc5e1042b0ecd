from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from import_export.signals import post_import


class IomcmsConfig(AppConfig):
    """The site itself: shared pages, templates, static files and set-up commands."""

    name = "iomcms"
    verbose_name = "Site"

    def ready(self):
        from . import audit, contentversion, publishing

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(contentversion.on_content_change, dispatch_uid=f"content-{signal}")
        # Bulk publishing and spreadsheet imports may write without model signals.
        publishing.changed.connect(
            contentversion.bump_content_version, dispatch_uid="content-bulk"
        )
        post_import.connect(contentversion.bump_content_version, dispatch_uid="content-import")
        # While the page cache is down, each request has a content version of its own.
        request_started.connect(
            contentversion.availability.request_started, dispatch_uid="content-request"
        )
        audit.connect()
