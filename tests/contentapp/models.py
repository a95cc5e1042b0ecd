from django.db import models
from django.urls import reverse

from iomcms.core.publishing import Publishable


class Note(Publishable):
    title = models.CharField(max_length=200, help_text="The note's heading.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Its address.")
    body = models.TextField(blank=True, help_text="What the note says.")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contentapp:detail", kwargs={"slug": self.slug})
