from django.views.generic import DetailView, ListView

from iomcms.expressions import LinkedIds, ids_of
from iomcms.facetindex import current_index
from iomcms.facets import FacetedListView, filed_under
from iomcms.seo import release_structured_data
from iomcms.teasers import opening
from projects.models import Country

from .filters import ReleaseFilter
from .models import Contact, NewsRelease, Statement, Theme

# Fields no public page shows: the search vector is several kilobytes a record.
NOT_SHOWN = ("search_vector", "source_values")


# What a list item (includes/release_item.html) shows, and no more: a model instance costs
# Django a step a column, and a time column a parse.
LISTED = ("title", "slug", "location", "published_on", "go_live_at", "summary")


def release_list_queryset(*also):
    """Published releases as lists show them (and the fields `also`): a teaser, not the
    whole body."""
    return NewsRelease.objects.published().only(*LISTED, *also).annotate(teaser=opening("body"))


def published_contacts():
    """Every published media contact, with its office, by primary key. There are a few
    hundred at most: they are read once for each content version and kept like the facet
    indexes, so a release page asks the database only which of them it names."""
    return current_index("published-contacts", read_published_contacts)


def read_published_contacts():
    return {
        contact.pk: contact for contact in Contact.objects.published().select_related("office")
    }


class ReleaseListView(FacetedListView):
    filterset_class = ReleaseFilter
    template_name = "newsroom/newsrelease_list.html"
    context_object_name = "releases"

    def get_queryset(self):
        return release_list_queryset()


class ReleaseDetailView(DetailView):
    context_object_name = "release"

    def records(self):
        """The releases this page may show (a preview narrows it to one draft)."""
        return NewsRelease.objects.published()

    def get_queryset(self):
        # Which media contacts the release names come with it, in its order.
        return (
            self.records()
            .defer(*NOT_SHOWN)
            .annotate(contact_ids=LinkedIds(NewsRelease.contact_links, "contact"))
        )

    def get_context_data(self, **kwargs):
        release = self.object
        index = ReleaseFilter.current_index()
        countries = filed_under(index, "country", release, Country, "countries")
        themes = filed_under(index, "theme", release, Theme, "themes")
        return super().get_context_data(
            countries=countries,
            themes=themes,
            contacts=self.contacts(release),
            related=self.related(index, release, countries, themes),
            structured_data=release_structured_data(release, countries, self.request),
            **kwargs,
        )

    def contacts(self, release):
        """The release's media contacts that are published, in the release's order."""
        directory = published_contacts()
        return [directory[pk] for pk in ids_of(release.contact_ids) if pk in directory]

    def related(self, index, release, countries, themes, count=3):
        """The latest releases about the release's first country, else its first theme,
        found in the news list's facet index. Every release filed under that country
        shares them, so they are kept with the index."""
        if countries:
            key = ("country", countries[0].slug)
        elif themes:
            key = ("theme", themes[0].slug)
        else:
            return []
        latest = index.kept.get(("latest releases", *key))
        if latest is None:
            ids = index.page(index.masks[key[0]].get(key[1], 0), 0, count + 1)
            records = release_list_queryset().order_by().in_bulk(ids)
            latest = [records[pk] for pk in ids if pk in records]
            index.kept["latest releases", *key] = latest
        return [record for record in latest if record.pk != release.pk][:count]


# Querysets are built per request: published() reads the clock when it is called.


class ContactListView(ListView):
    context_object_name = "contacts"

    def get_queryset(self):
        return (
            Contact.objects.published().select_related("office").order_by("office__name", "name")
        )


class StatementListView(ListView):
    paginate_by = 20
    context_object_name = "statements"

    def get_queryset(self):
        return (
            Statement.objects.published()
            .select_related("summit")
            .defer("body", "search_vector", "source_values")
            .annotate(teaser=opening("body"))
        )


class StatementDetailView(DetailView):
    context_object_name = "statement"

    def records(self):
        """The statements this page may show (a preview narrows it to one draft)."""
        return Statement.objects.published()

    def get_queryset(self):
        return self.records().defer(*NOT_SHOWN).select_related("summit")
