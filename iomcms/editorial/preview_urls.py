from django.urls import path

from . import preview

app_name = "preview"

# Everything under /preview/ stays out of the page cache.
urlpatterns = [
    path("share/<str:token>/", preview.shared, name="shared"),
    path("<slug:app_label>/<slug:model>/<int:pk>/", preview.draft, name="draft"),
]
