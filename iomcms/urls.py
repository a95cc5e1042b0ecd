from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from iomcms.core.query import reads_query
from iomcms.editorial.timezones import my_time_zone
from iomcms.editorial.workflow_views import coming_up
from iomcms.site.sitemaps import site_sitemap
from iomcms.site.views import healthz

admin.site.site_header = "IOM Latin America and the Caribbean — content"
admin.site.site_title = "iomcms admin"
admin.site.index_title = "Content"
admin.site.index_template = "admin/iomcms/index.html"

urlpatterns = [
    path("", include("iomcms.site.urls")),
    path("", include("newsroom.urls")),
    path("", include("projects.urls")),
    path("admin/coming-up/", admin.site.admin_view(coming_up), name="coming_up"),
    path("admin/my-time-zone/", admin.site.admin_view(my_time_zone), name="my_time_zone"),
    path("admin/", admin.site.urls),
    path("preview/", include("iomcms.editorial.preview_urls")),
    path("sitemap.xml", reads_query("p")(site_sitemap), name="sitemap"),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
