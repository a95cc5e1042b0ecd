from django.apps import AppConfig


class ContentAppConfig(AppConfig):
    """A content app as a new one would be added: it registers here, and nothing shared is
    edited for it."""

    name = "tests.contentapp"
    label = "contentapp"
    verbose_name = "Notes (test content app)"

    def ready(self):
        from iomcms.core import registry
        from iomcms.core.registry import Search

        from .models import Note
        from .resources import NoteResource
        from .sitemaps import NoteSitemap
        from .views import NoteDetailView, find_notes

        registry.register_app(self, pages=("contentapp:list",))
        registry.register(
            Note,
            preview_view=NoteDetailView,
            sitemap=("notes", NoteSitemap),
            search=Search("Notes", order=50, find=find_notes),
        )
        registry.register_spreadsheet("notes", NoteResource)
