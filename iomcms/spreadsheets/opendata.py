"""Open data: every filtered public list can be downloaded as CSV or JSON.

A download holds exactly the rows the list shows over all its pages, in the same order,
with the same filters: the view runs the list's own FilterSet on the list's own published
queryset. Cells a spreadsheet would run as a formula are neutralised like every export.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views import View

from .resources import CSV, JSON

FORMATS = {"csv": CSV, "json": JSON}


class ListDownloadView(View):
    """Subclasses give the list's FilterSet, its queryset, the resource, the columns that
    are not public, and the file's base name."""

    filterset_class = None
    resource_class = None
    # The resource's columns, less these: the publication state is the editors' business.
    private_fields: tuple[str, ...] = ("status", "go_live_at")
    filename = "list"

    @classmethod
    def public_fields(cls) -> list[str]:
        return [name for name in cls.resource_class._meta.fields if name not in cls.private_fields]

    def get_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        file_format = FORMATS.get(fmt)
        if file_format is None:
            raise Http404("Downloads are CSV or JSON.")
        filterset = self.filterset_class(
            request.GET, queryset=self.get_queryset(), request=request
        )
        if not filterset.is_valid():
            problems = "; ".join(
                f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
            )
            return HttpResponseBadRequest(
                f"These filters are not valid: {problems}", content_type="text/plain"
            )
        resource = self.resource_class()
        dataset = resource.export(filterset.qs, export_fields=self.public_fields())
        response = HttpResponse(
            file_format().export_data(dataset),
            content_type=f"{file_format.CONTENT_TYPE}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{fmt}"'
        return response
