from django.views.generic import DetailView, ListView

from .models import Note


class NoteListView(ListView):
    def get_queryset(self):
        return Note.objects.published()


class NoteDetailView(DetailView):
    context_object_name = "note"

    def records(self):
        """The notes this page may show (a preview narrows it to one draft)."""
        return Note.objects.published()

    def get_queryset(self):
        return self.records()
