"""The site's URLs with the notes' pages added, as a site that installs the app would
include them; the production URLs stay as they are."""

from django.urls import include, path

from iomcms.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("", include("tests.contentapp.urls")), *site_urlpatterns]
