from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from iomcms.editorial.admin import PublishableAdmin, ReferenceAdmin, StateFilter
from iomcms.editorial.admin_translations import MissingLanguageFilter, TranslationAdminMixin
from iomcms.spreadsheets.admin import SpreadsheetAdminMixin

from .models import Contact, NewsRelease, Office, ReleaseContact, Statement, Summit, Theme
from .resources import ContactResource, NewsReleaseResource, OfficeResource, StatementResource


@admin.register(Office)
class OfficeAdmin(SpreadsheetAdminMixin, ReferenceAdmin):
    resource_classes = (OfficeResource,)
    list_display = ("name", "country")
    list_filter = ("country",)
    search_fields = ("name", "country__name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    list_select_related = ("country",)


@admin.register(Contact)
class ContactAdmin(SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = (ContactResource,)
    list_display = ("name", "role", "office", "phone", "email", "status", "state")
    list_filter = (StateFilter, "status", "office")
    search_fields = ("name", "email", "role", "office__name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("office",)
    list_select_related = ("office",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "role", "office", "phone", "email")}),
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Theme)
class ThemeAdmin(ReferenceAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ("contact",)
    fields = ("position", "contact")
    extra = 1


@admin.register(NewsRelease)
class NewsReleaseAdmin(TranslationAdminMixin, SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = (NewsReleaseResource,)
    list_display = (
        "title",
        "location",
        "published_on",
        "languages",
        "status",
        "state",
        "updated_at",
    )
    list_filter = (
        StateFilter,
        "status",
        "language",
        MissingLanguageFilter,
        "published_on",
        "countries",
        "themes",
    )
    search_fields = ("title", "summary", "body", "location")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("countries", "themes")
    inlines = (ReleaseContactInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "language",
                    ("location", "published_on"),
                    "summary",
                    "body",
                )
            },
        ),
        (_("Filing"), {"fields": ("countries", "themes")}),
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Summit)
class SummitAdmin(ReferenceAdmin):
    list_display = ("name",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Statement)
class StatementAdmin(TranslationAdminMixin, SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = (StatementResource,)
    list_display = (
        "title",
        "institution",
        "date",
        "summit",
        "mandate_paragraphs",
        "languages",
        "status",
        "state",
    )
    list_filter = (
        StateFilter,
        "status",
        "language",
        MissingLanguageFilter,
        "summit",
        "institution",
        "date",
    )
    search_fields = ("title", "institution", "body", "mandate_paragraphs")
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("summit",)
    list_select_related = ("summit",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "language", "institution", "date", "body")}),
        (_("Mandates cited"), {"fields": ("summit", "mandate_paragraphs", "summit_paragraphs")}),
        PublishableAdmin.publishing_fieldset,
    )
