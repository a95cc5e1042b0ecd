"""The site's URLs with the notes' pages added, as a site that installs the app would
include them (under the language prefixes, as every public page); the production URLs
stay as they are."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from iomcms.urls import urlpatterns as site_urlpatterns

urlpatterns = [*i18n_patterns(path("", include("tests.contentapp.urls"))), *site_urlpatterns]
