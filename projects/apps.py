from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and geography"

    def ready(self):
        from iomcms.core import registry
        from iomcms.core.registry import Search

        from .models import Project
        from .resources import CountryResource, ProjectResource
        from .sitemaps import ProjectSitemap
        from .views import ProjectDetailView

        registry.register_app(self, pages=("projects:list",))
        registry.register(
            Project,
            preview_view=ProjectDetailView,
            sitemap=("projects", ProjectSitemap),
            search=Search(_("Projects"), order=20, field="description"),
        )
        registry.register_spreadsheet("countries", CountryResource)
        registry.register_spreadsheet("projects", ProjectResource)
