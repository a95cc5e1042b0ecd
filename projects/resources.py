"""Spreadsheet columns for countries and IDF projects (django-import-export resources)."""

from iomcms.spreadsheets.resources import (
    SpreadsheetResource,
    column,
    go_live_column,
    language_column,
    status_column,
    translation_group_column,
)
from iomcms.spreadsheets.widgets import (
    ChoiceWidget,
    NaturalKeysWidget,
    NaturalKeyWidget,
    NumberWidget,
)

from .models import Country, Project, ProjectStatus, Region
from .services import country_index, normalise


def country_widget():
    """A country by ISO code, name or another name it goes by (see services.KNOWN_NAMES)."""
    return NaturalKeyWidget(
        Country, "iso_code", index=country_index, normalise=normalise, noun="country"
    )


def countries_widget():
    return NaturalKeysWidget(
        Country, "iso_code", index=country_index, normalise=normalise, noun="country"
    )


class CountryResource(SpreadsheetResource):
    iso_code = column("iso_code", "ISO code")
    name = column("name", "Name")
    slug = column("slug", "Slug")
    region = column("region", "Region", NaturalKeyWidget(Region, "name", noun="region"))

    required_columns = ("ISO code", "Name")
    unique_fields = {"iso_code": str.upper, "name": str.lower, "slug": str}
    key_normaliser = staticmethod(str.upper)
    slug_from = "name"
    select_related = ("region",)

    class Meta:
        model = Country
        name = "Countries"
        fields = ("iso_code", "name", "slug", "region")
        import_id_fields = ("iso_code",)


class ProjectResource(SpreadsheetResource):
    project_code = column("project_code", "Projects ID")
    title = column("title", "Title")
    slug = column("slug", "Slug")
    description = column("description", "Description")
    start_year = column("start_year", "Start", NumberWidget(integer=True))
    end_year = column("end_year", "End", NumberWidget(integer=True))
    project_status = column(
        "project_status", "Project status", ChoiceWidget(ProjectStatus.choices)
    )
    project_type = column("project_type", "Project type")
    budget_usd = column("budget_usd", "Budget (USD)", NumberWidget())
    coverage = column("coverage", "Coverage")
    funding_year = column("funding_year", "Funding year", NumberWidget(integer=True))
    idf_region = column(
        "idf_region", "IDF region", NaturalKeyWidget(Region, "name", noun="region")
    )
    prima_id = column("prima_id", "Prima ID")
    member_states = column("member_states", "Benefiting member states", countries_widget())
    language = language_column()
    translation_key = translation_group_column()
    status = status_column()
    go_live_at = go_live_column()

    required_columns = ("Projects ID", "Title")
    unique_fields = {"project_code": str, "slug": str, "prima_id": str}
    unique_per_language = ("project_code", "prima_id")
    slug_from = "title"
    select_related = ("idf_region",)
    prefetch_related = ("member_states",)

    class Meta:
        model = Project
        name = "Projects"
        fields = (
            "project_code",
            "title",
            "slug",
            "description",
            "start_year",
            "end_year",
            "project_status",
            "project_type",
            "budget_usd",
            "coverage",
            "funding_year",
            "idf_region",
            "prima_id",
            "member_states",
            "language",
            "translation_key",
            "status",
            "go_live_at",
        )
        import_id_fields = ("project_code",)
        use_bulk = True
        batch_size = 1000

    def check_row(self, instance, errors):
        if not instance.project_code and "project_code" not in errors:
            errors["project_code"] = [
                "Every project needs its Projects ID: rows are matched by it."
            ]
        start, end = instance.start_year, instance.end_year
        if start and end and end < start and "end_year" not in errors:
            errors["end_year"] = ["The end year cannot be before the start year."]
