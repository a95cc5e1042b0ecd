from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from iomcms.core import registry

        from .models import Contact, NewsRelease, Statement
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
        )
        registry.register(
            Statement, preview_view=StatementDetailView, sitemap=("statements", StatementSitemap)
        )
        # A contact has no page of its own: it is previewed as the card lists show.
        registry.register(Contact, preview_template="preview/contact.html")
