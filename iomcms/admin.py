"""Admin behaviour shared by every publishable model."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm

from .publishing import Status, publish, unpublish
from .spreadsheets import FORMATS, read_failure

PUBLISHING_FIELDS = ("status", "go_live_at")


class PublishableAdmin(admin.ModelAdmin):
    """Publish/unpublish actions for Publishers; Editors see the publication fields read-only.

    Each model declares a `publish_<model>` permission in its Meta.
    """

    actions = ("publish_selected", "unpublish_selected")
    list_filter = ("status",)
    readonly_fields = ("source_key", "created_at", "updated_at")
    publishing_fieldset = (
        _("Publication"),
        {"fields": ("status", "go_live_at", "source_key", "created_at", "updated_at")},
    )

    def has_publish_permission(self, request):
        opts = self.opts
        codename = get_permission_codename("publish", opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            fields = (*fields, *PUBLISHING_FIELDS)
        return fields

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            obj.status = Status.DRAFT
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Live"), boolean=True)
    def live(self, obj):
        return obj.is_live

    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s"), permissions=("publish",)
    )
    def publish_selected(self, request, queryset):
        changed = publish(queryset)
        self.message_user(
            request,
            ngettext("%(count)d record published.", "%(count)d records published.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s"), permissions=("publish",)
    )
    def unpublish_selected(self, request, queryset):
        changed = unpublish(queryset)
        self.message_user(
            request,
            ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.SPREADSHEET_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _(
                    "The file is %(size)s; at most %(limit)s can be imported at once. "
                    "Split it into smaller files."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import and export buttons, in CSV, XLSX and JSON, each behind its own permission
    (`import_<model>`, `export_<model>`); an import shows a preview with a diff of every
    row and its totals, and writes nothing until it is confirmed."""

    formats = FORMATS
    import_form_class = SpreadsheetImportForm
    import_template_name = "admin/iomcms/import.html"

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error("import_file", read_failure(e))
