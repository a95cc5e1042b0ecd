from django.apps import AppConfig


class ContentAppConfig(AppConfig):
    """A content app as a new one would be added: it registers here, and nothing shared is
    edited for it."""

    name = "tests.contentapp"
    label = "contentapp"
    verbose_name = "Notes (test content app)"

    def ready(self):
        from iomcms.core import registry

        from .models import Note
        from .sitemaps import NoteSitemap
        from .views import NoteDetailView

        registry.register_app(self, pages=("contentapp:list",))
        registry.register(Note, preview_view=NoteDetailView, sitemap=("notes", NoteSitemap))
