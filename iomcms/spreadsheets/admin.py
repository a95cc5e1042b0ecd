"""The admin's spreadsheet import and export, for any model with a resource."""

from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.results import Result

from .resources import FORMATS, read_failure


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self) -> UploadedFile:
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


class SpreadsheetConfirmForm(ConfirmImportForm):
    """The confirmation of an import carries when the file was read for the preview."""

    read_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_read_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.cleaned_data["read_at"])
        except ValueError:
            return None


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import and export buttons, in CSV, XLSX and JSON, each behind its own permission
    (`import_<model>`, `export_<model>`); an import shows a preview with a diff of every
    row and its totals, and writes nothing until it is confirmed. A row whose record was
    saved after the preview read the file is refused, and every record written keeps a
    version."""

    formats = FORMATS
    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    import_template_name = "admin/iomcms/import.html"

    def import_action(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        request.spreadsheet_read_at = timezone.now()
        return super().import_action(request, **kwargs)

    def get_confirm_form_initial(
        self, request: HttpRequest, import_form: forms.Form | None
    ) -> dict[str, Any]:
        initial = super().get_confirm_form_initial(request, import_form)
        read_at = getattr(request, "spreadsheet_read_at", None)
        if import_form is not None and read_at:
            initial["read_at"] = read_at.isoformat()
        return initial

    def process_result(self, result: Result, request: HttpRequest) -> HttpResponse:
        """A confirmed import that failed (a row edited since the preview, say) shows why,
        like the preview does, instead of a success message."""
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        form = self.get_import_form_class(request)(
            self.get_import_formats(), self.get_import_resource_classes(request)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "result": result,
            "form": form,
            "opts": self.opts,
            "media": self.media + form.media,
            "import_error_display": self.import_error_display,
        }
        return TemplateResponse(request, [self.import_template_name], context)

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, SpreadsheetConfirmForm) and form.is_valid():
            kwargs["read_at"] = form.cleaned_data["read_at"]
        return kwargs

    def add_data_read_fail_error_to_form(self, form: forms.Form, e: Exception) -> None:
        form.add_error("import_file", read_failure(e))
