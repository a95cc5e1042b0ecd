from django.urls import path

from . import opendata, views

app_name = "projects"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="list"),
    path("projects/download.<str:fmt>", opendata.ProjectDownloadView.as_view(), name="download"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
