from django.views.generic import DetailView, ListView

from iomcms.core.search import Hit

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


def find_notes(text, limit):
    """Published notes whose title holds `text`, as the site's search shows them."""
    notes = Note.objects.published().filter(title__icontains=text).order_by("title")
    return [Hit(note, note.title) for note in notes[:limit]], notes.count()
