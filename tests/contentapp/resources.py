from iomcms.spreadsheets.resources import SpreadsheetResource, column, status_column

from .models import Note


class NoteResource(SpreadsheetResource):
    title = column("title", "Title")
    slug = column("slug", "Slug")
    body = column("body", "Body")
    status = status_column()

    class Meta:
        model = Note
        fields = ("title", "slug", "body", "status")
        import_id_fields = ("slug",)
        name = "Notes"
