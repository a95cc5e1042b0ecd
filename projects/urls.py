from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="list"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
