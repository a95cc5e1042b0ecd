import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iomcms.core.facets import FacetChoiceFilter, FacetedFilterSet, distinct_values, from_table
from iomcms.core.forms import PlainNumberInput, PublicForm
from iomcms.core.translations import Language

from .models import Country, Project, ProjectStatus, Region, country_choices


class ProjectFilterForm(PublicForm):
    def clean(self):
        cleaned = super().clean()
        for low, high, what in (
            ("year_from", "year_to", _("year")),
            ("budget_min", "budget_max", _("budget")),
        ):
            if None not in (cleaned.get(low), cleaned.get(high)) and cleaned[low] > cleaned[high]:
                self.add_error(
                    high, _("The %(what)s range ends before it starts.") % {"what": what}
                )
        return cleaned


class ProjectFilter(FacetedFilterSet):
    """What visitors narrow the project list by; every value stays in the URL."""

    facets = {
        "status": ("project_status", lambda records: ProjectStatus.choices),
        "type": ("project_type", distinct_values("project_type")),
        "region": ("idf_region__slug", from_table(Region.objects)),
        "country": ("member_states__slug", lambda records: country_choices(Country.objects)),
        "coverage": ("coverage", distinct_values("coverage")),
        "language": ("language", lambda records: Language.choices),
    }
    indexed_orderings = {(): False, ("-start",): False}
    language_facet = "language"
    index_columns = ("budget_usd",)

    status = FacetChoiceFilter(
        label=_("Project status"), field_name="project_status", empty_label=_("Any status")
    )
    type = FacetChoiceFilter(
        label=_("Project type"), field_name="project_type", empty_label=_("Any type")
    )
    region = FacetChoiceFilter(
        label=_("IDF region"), field_name="idf_region__slug", empty_label=_("Any region")
    )
    country = FacetChoiceFilter(
        label=_("Benefiting country"),
        field_name="member_states__slug",
        empty_label=_("Any country"),
    )
    coverage = FacetChoiceFilter(
        label=_("Coverage"), field_name="coverage", empty_label=_("Any coverage")
    )
    language = FacetChoiceFilter(
        label=_("Language"), field_name="language", empty_label=_("All languages")
    )
    year_from = django_filters.NumberFilter(
        label=_("Running in or after"),
        method="running_from",
        widget=PlainNumberInput(attrs={"min": 1951, "max": 2100, "placeholder": "2020"}),
    )
    year_to = django_filters.NumberFilter(
        label=_("Running in or before"),
        method="running_to",
        widget=PlainNumberInput(attrs={"min": 1951, "max": 2100, "placeholder": "2025"}),
    )
    budget_min = django_filters.NumberFilter(
        label=_("Budget from (USD)"),
        field_name="budget_usd",
        lookup_expr="gte",
        widget=PlainNumberInput(attrs={"min": 0, "step": 1000}),
    )
    budget_max = django_filters.NumberFilter(
        label=_("Budget up to (USD)"),
        field_name="budget_usd",
        lookup_expr="lte",
        widget=PlainNumberInput(attrs={"min": 0, "step": 1000}),
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("start_year", "start"), ("title", "title"), ("budget_usd", "budget")),
        choices=[
            ("-start", _("Newest first")),
            ("title", _("Title")),
            ("-budget", _("Largest budget")),
            ("budget", _("Smallest budget")),
        ],
        empty_label=_("Newest first"),
    )

    class Meta:
        model = Project
        fields = []
        form = ProjectFilterForm

    def running_from(self, queryset, name, value):
        """Projects still running in or after the year (an open end counts as running)."""
        return queryset.filter(Q(end_year__gte=value) | Q(end_year__isnull=True))

    def running_to(self, queryset, name, value):
        """Projects started in or before the year (an unknown start counts as started)."""
        return queryset.filter(Q(start_year__lte=value) | Q(start_year__isnull=True))
