from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' workflow: versions, conflicts, previews and share links, bulk
    publishing, the audit log, editors' time zones and the admin's base classes.

    Its models keep the app label they were created under ("iomcms")."""

    name = "iomcms.editorial"
    label = "iomcms"
    verbose_name = "Site"

    def ready(self) -> None:
        from . import audit

        audit.connect()
