from django.urls import path

from . import feeds, opendata, views

app_name = "newsroom"

urlpatterns = [
    path("news/", views.ReleaseListView.as_view(), name="list"),
    path("news/feed/rss/", feeds.ReleaseFeed(), name="feed_rss"),
    path("news/feed/atom/", feeds.AtomReleaseFeed(), name="feed_atom"),
    path("news/download.<str:fmt>", opendata.ReleaseDownloadView.as_view(), name="download"),
    path("news/<slug:slug>/", views.ReleaseDetailView.as_view(), name="detail"),
    path("contacts/", views.ContactListView.as_view(), name="contacts"),
    path("statements/", views.StatementListView.as_view(), name="statements"),
    path("statements/<slug:slug>/", views.StatementDetailView.as_view(), name="statement"),
]
