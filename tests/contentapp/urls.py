from django.urls import path

from .views import NoteDetailView, NoteListView

app_name = "contentapp"

urlpatterns = [
    path("notes/", NoteListView.as_view(), name="list"),
    path("notes/<slug:slug>/", NoteDetailView.as_view(), name="detail"),
]
