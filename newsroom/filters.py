import django_filters
from django.utils.translation import gettext_lazy as _

from iomcms.core.facets import FacetChoiceFilter, FacetedFilterSet, from_table
from iomcms.core.forms import PlainTextInput, PublicForm
from iomcms.core.search import found
from iomcms.core.translations import Language
from projects.models import Country, country_choices

from .models import NewsRelease, Theme

YEARS = range(2100, 1950, -1)


class ReleaseFilter(FacetedFilterSet):
    """What visitors narrow the news list by; every value stays in the URL."""

    facets = {
        "country": ("countries__slug", lambda records: country_choices(Country.objects)),
        "theme": ("themes__slug", from_table(Theme.objects)),
        "year": ("published_on__year", lambda records: [(year, str(year)) for year in YEARS]),
        "language": ("language", lambda records: Language.choices),
    }
    indexed_orderings = {(): False, ("-date",): False, ("date",): True}
    words_filter = "q"
    language_facet = "language"

    q = django_filters.CharFilter(
        label=_("Search news"),
        method="search_text",
        widget=PlainTextInput(attrs={"type": "search"}),
    )
    country = FacetChoiceFilter(
        label=_("Country"), field_name="countries__slug", empty_label=_("All countries")
    )
    theme = FacetChoiceFilter(
        label=_("Theme"), field_name="themes__slug", empty_label=_("All themes")
    )
    year = FacetChoiceFilter(
        label=_("Year"), field_name="published_on__year", empty_label=_("All years")
    )
    language = FacetChoiceFilter(
        label=_("Language"), field_name="language", empty_label=_("All languages")
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("go_live_at", "date"), ("title", "title")),
        choices=[("-date", _("Newest first")), ("date", _("Oldest first")), ("title", _("Title"))],
        empty_label=_("Newest first"),
    )

    class Meta:
        model = NewsRelease
        fields = []
        form = PublicForm

    def search_text(self, queryset, name, value):
        # Newest first, as the list's order says: ranking by relevance is the search
        # page's.
        return found(queryset, value)
