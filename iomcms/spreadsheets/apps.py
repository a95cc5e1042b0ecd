from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    """Spreadsheets in and out (CSV, XLSX, JSON) and the open-data downloads of lists."""

    name = "iomcms.spreadsheets"
    label = "iomcms_spreadsheets"
    verbose_name = "Spreadsheets"

    def ready(self) -> None:
        from import_export.signals import post_import

        from iomcms.core.contentversion import bump_content_version

        # An import writes in bulk, without model signals.
        post_import.connect(bump_content_version, dispatch_uid="content-import")
