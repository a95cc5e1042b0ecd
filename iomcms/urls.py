from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from iomcms.core.query import reads_query
from iomcms.editorial.timezones import my_time_zone
from iomcms.editorial.workflow_views import coming_up
from iomcms.site.languages import choose_language
from iomcms.site.sitemaps import site_sitemap
from iomcms.site.views import healthz

admin.site.site_header = _("IOM Latin America and the Caribbean — content")
admin.site.site_title = _("iomcms admin")
admin.site.index_title = _("Content")
admin.site.index_template = "admin/iomcms/index.html"

# The public pages, in every language under its prefix (/es/news/, /en/news/); an address
# without one is sent to the visitor's language (iomcms.site.languages).
urlpatterns = i18n_patterns(
    path("", include("iomcms.site.urls")),
    path("", include("newsroom.urls")),
    path("", include("projects.urls")),
)

# Without a prefix: the admin and previews follow the editor's (or reviewer's) browser
# language, and keep one address per record (share links already sent stay valid);
# the sitemap and robots.txt are one per host by convention, the sitemap listing every
# language; /healthz is for machines; the switcher's link keeps the choice in a cookie.
urlpatterns += [
    path("admin/coming-up/", admin.site.admin_view(coming_up), name="coming_up"),
    path("admin/my-time-zone/", admin.site.admin_view(my_time_zone), name="my_time_zone"),
    path("admin/", admin.site.urls),
    path("preview/", include("iomcms.editorial.preview_urls")),
    path("language/<str:code>/", choose_language, name="language"),
    path("sitemap.xml", reads_query("p")(site_sitemap), name="sitemap"),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
