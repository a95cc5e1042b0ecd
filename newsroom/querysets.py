"""The newsroom's public lists as querysets: what each list, feed and download reads.

Built on `published()`, the one rule every public reader goes through, and built per
request: `published()` reads the clock when it is called.
"""

from django.db import models

from iomcms.core.facetindex import current_index
from iomcms.core.publishing import PublishableQuerySet
from iomcms.core.teasers import opening
from iomcms.core.translations import TranslatableQuerySet

# Fields no public page shows: the search vector is several kilobytes a record.
NOT_SHOWN = ("search_vector", "source_values")

# What a list item (includes/release_item.html) shows, and no more: a model instance costs
# Django a step a column, and a time column a parse.
LISTED = ("title", "slug", "location", "published_on", "go_live_at", "summary")


class NewsReleaseQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def listed(self, *also):
        """Published releases as lists show them (and the fields `also`): a teaser, not the
        whole body."""
        return self.published().only(*LISTED, *also).annotate(teaser=opening("body"))

    def downloaded(self):
        """Published releases as the open data download writes them: every public field,
        with their countries and themes."""
        return self.listed().defer(None).defer(*NOT_SHOWN).prefetch_related("countries", "themes")


class StatementQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def listed(self):
        """Published statements as their list shows them: a teaser, not the whole body."""
        return (
            self.published()
            .select_related("summit")
            .defer("body", *NOT_SHOWN)
            .annotate(teaser=opening("body"))
        )


class ContactQuerySet(PublishableQuerySet):
    def listed(self):
        """Published media contacts as the directory lists them: by office, then name."""
        return self.published().select_related("office").order_by("office__name", "name")


class ContactManager(models.Manager.from_queryset(ContactQuerySet)):
    def published_by_pk(self):
        """Every published media contact, with its office, by primary key. There are a few
        hundred at most: they are read once for each content version and kept like the
        facet indexes, so a release page asks the database only which of them it names."""
        return current_index("published-contacts", self.read_published_by_pk)

    def read_published_by_pk(self):
        return {contact.pk: contact for contact in self.published().select_related("office")}
