from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and geography"

    def ready(self):
        from iomcms.core import registry

        from .models import Project
        from .sitemaps import ProjectSitemap
        from .views import ProjectDetailView

        registry.register_app(self, pages=("projects:list",))
        registry.register(
            Project, preview_view=ProjectDetailView, sitemap=("projects", ProjectSitemap)
        )
