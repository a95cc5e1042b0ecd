from django.contrib.sitemaps import Sitemap

from .models import Note


class NoteSitemap(Sitemap):
    def items(self):
        return Note.objects.published().order_by("pk")

    def lastmod(self, note):
        return note.updated_at
