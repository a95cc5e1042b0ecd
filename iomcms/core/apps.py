from django.apps import AppConfig
from django.core.signals import request_started
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save


class CoreConfig(AppConfig):
    """What every public page rests on: publishing, the content version, search, lists
    and their facets. It names no app: content apps register with `registry`."""

    name = "iomcms.core"
    label = "iomcms_core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import contentversion, publishing, search

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(contentversion.on_content_change, dispatch_uid=f"content-{signal}")
        # Bulk publishing writes without model signals.
        publishing.changed.connect(
            contentversion.bump_content_version, dispatch_uid="content-bulk"
        )
        # While the page cache is down, each request has a content version of its own.
        request_started.connect(
            contentversion.availability.request_started, dispatch_uid="content-request"
        )
        # SQLite's search indexes are kept by triggers calling the stemmer.
        connection_created.connect(search.add_search_functions, dispatch_uid="search-functions")
