from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from iomcms.core import registry
        from iomcms.core.registry import Search

        from .models import Contact, NewsRelease, Statement
        from .resources import (
            ContactResource,
            NewsReleaseResource,
            OfficeResource,
            StatementResource,
        )
        from .search import find_contacts
        from .sitemaps import ReleaseSitemap, StatementSitemap
        from .views import ReleaseDetailView, StatementDetailView

        registry.register_app(
            self, pages=("newsroom:list", "newsroom:statements", "newsroom:contacts")
        )
        registry.register(
            NewsRelease,
            follow=("contact_links",),
            preview_view=ReleaseDetailView,
            sitemap=("news", ReleaseSitemap),
            search=Search(_("News releases"), order=10, field="body"),
        )
        registry.register(
            Statement,
            preview_view=StatementDetailView,
            sitemap=("statements", StatementSitemap),
            search=Search(_("Statements"), order=30, field="body"),
        )
        # A contact has no page of its own: it is previewed as the card lists show.
        registry.register(
            Contact,
            preview_template="preview/contact.html",
            search=Search(_("Media contacts"), order=40, find=find_contacts),
        )
        registry.register_spreadsheet("offices", OfficeResource)
        registry.register_spreadsheet("contacts", ContactResource)
        registry.register_spreadsheet("releases", NewsReleaseResource)
        registry.register_spreadsheet("statements", StatementResource)
