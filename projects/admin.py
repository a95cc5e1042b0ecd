from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from iomcms.editorial.admin import PublishableAdmin, ReferenceAdmin, StateFilter
from iomcms.editorial.admin_translations import MissingLanguageFilter, TranslationAdminMixin
from iomcms.spreadsheets.admin import SpreadsheetAdminMixin

from .models import Country, Project, Region
from .resources import CountryResource, ProjectResource


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    list_display = ("name", "country_count")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(country_count=Count("countries"))

    @admin.display(description=_("countries"), ordering="country_count")
    def country_count(self, obj):
        return obj.country_count


@admin.register(Country)
class CountryAdmin(SpreadsheetAdminMixin, ReferenceAdmin):
    resource_classes = (CountryResource,)
    list_display = ("name", "iso_code", "region")
    list_filter = ("region",)
    search_fields = ("name", "iso_code", "other_names")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("region",)


@admin.register(Project)
class ProjectAdmin(TranslationAdminMixin, SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = (ProjectResource,)
    list_display = (
        "title",
        "project_code",
        "project_status",
        "start_year",
        "end_year",
        "budget_usd",
        "idf_region",
        "languages",
        "status",
        "state",
    )
    list_filter = (
        StateFilter,
        "status",
        "language",
        MissingLanguageFilter,
        "project_status",
        "project_type",
        "coverage",
        "idf_region",
        "funding_year",
        "member_states",
    )
    search_fields = ("title", "project_code", "prima_id", "description")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("member_states", "idf_region")
    list_select_related = ("idf_region",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "language", "description")}),
        (
            _("Project details"),
            {
                "fields": (
                    ("start_year", "end_year"),
                    "project_status",
                    "project_type",
                    "budget_usd",
                    "coverage",
                    "funding_year",
                    "idf_region",
                    ("prima_id", "project_code"),
                    "member_states",
                )
            },
        ),
        PublishableAdmin.publishing_fieldset,
    )
