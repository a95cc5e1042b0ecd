"""Natural keys for reference tables, so fixtures and spreadsheets name rows, not ids."""

from django.db import models


class NaturalKeyManager(models.Manager):
    def get_by_natural_key(self, key: str) -> models.Model:
        return self.get(**{self.model.NATURAL_KEY: key})


class NaturalKeyMixin:
    """For models with a unique field named by `NATURAL_KEY`."""

    NATURAL_KEY = "slug"

    def natural_key(self) -> tuple[str]:
        return (getattr(self, self.NATURAL_KEY),)
