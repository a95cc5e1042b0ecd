"""Spreadsheet columns for offices, media contacts, news releases and statements."""

from django.db.models.functions import Lower

from iomcms.spreadsheets.resources import (
    SpreadsheetResource,
    column,
    go_live_column,
    language_column,
    status_column,
    translation_group_column,
)
from iomcms.spreadsheets.widgets import IsoDateWidget, NaturalKeysWidget, NaturalKeyWidget
from projects.resources import countries_widget, country_widget

from .models import Contact, NewsRelease, Office, Statement, Summit, Theme


def contact_key(contact):
    return contact.email or contact.slug


def contact_index():
    """Contacts by e-mail address (any case), or by slug for one without an address."""
    index = {}
    for contact in Contact.objects.all():
        index[contact.slug.lower()] = contact
        if contact.email:
            index[contact.email.lower()] = contact
    return index


def theme_index():
    return {
        key.lower(): theme for theme in Theme.objects.all() for key in (theme.name, theme.slug)
    }


class OfficeResource(SpreadsheetResource):
    name = column("name", "Name")
    slug = column("slug", "Slug")
    country = column("country", "Country", country_widget())

    required_columns = ("Name",)
    unique_fields = {"name": str, "slug": str}
    slug_from = "name"
    select_related = ("country",)

    class Meta:
        model = Office
        name = "Offices"
        fields = ("name", "slug", "country")
        import_id_fields = ("name",)


class ContactResource(SpreadsheetResource):
    email = column("email", "E-mail")
    name = column("name", "Name")
    slug = column("slug", "Slug")
    role = column("role", "Role")
    office = column("office", "Office", NaturalKeyWidget(Office, "name", noun="office"))
    phone = column("phone", "Phone")
    status = status_column()
    go_live_at = go_live_column()

    required_columns = ("E-mail", "Name")
    unique_fields = {"email": str.lower, "slug": str}
    key_normaliser = staticmethod(str.lower)
    slug_from = "name"
    select_related = ("office",)

    class Meta:
        model = Contact
        name = "Media contacts"
        fields = ("email", "name", "slug", "role", "office", "phone", "status", "go_live_at")
        import_id_fields = ("email",)

    def filter_by_keys(self, queryset, keys):
        return queryset.annotate(email_key=Lower("email")).filter(email_key__in=keys)

    def check_row(self, instance, errors):
        if not instance.email and "email" not in errors:
            errors["email"] = ["Every contact needs an e-mail address: rows are matched by it."]


class NewsReleaseResource(SpreadsheetResource):
    slug = column("slug", "Slug")
    title = column("title", "Title")
    location = column("location", "Dateline location")
    published_on = column("published_on", "Publication date", IsoDateWidget())
    summary = column("summary", "Summary")
    body = column("body", "Body")
    countries = column("countries", "Countries", countries_widget())
    themes = column(
        "themes", "Themes", NaturalKeysWidget(Theme, "name", index=theme_index, noun="theme")
    )
    contacts = column(
        "contacts",
        "Media contacts",
        NaturalKeysWidget(
            Contact, "email", ordered=True, index=contact_index, key=contact_key, noun="contact"
        ),
        reader="ordered_contacts",
    )
    language = language_column()
    translation_key = translation_group_column()
    status = status_column()
    go_live_at = go_live_column()

    required_columns = ("Slug", "Title", "Body")
    unique_fields = {"slug": str}
    prefetch_related = ("countries", "themes", "contact_links__contact")

    class Meta:
        model = NewsRelease
        name = "News releases"
        fields = (
            "slug",
            "title",
            "location",
            "published_on",
            "summary",
            "body",
            "countries",
            "themes",
            "contacts",
            "language",
            "translation_key",
            "status",
            "go_live_at",
        )
        import_id_fields = ("slug",)


class StatementResource(SpreadsheetResource):
    slug = column("slug", "Slug")
    title = column("title", "Title")
    institution = column("institution", "Institution")
    date = column("date", "Date", IsoDateWidget())
    body = column("body", "Body")
    summit = column("summit", "Summit", NaturalKeyWidget(Summit, "name", noun="summit"))
    mandate_paragraphs = column("mandate_paragraphs", "Mandate paragraphs")
    summit_paragraphs = column("summit_paragraphs", "Summit paragraphs")
    language = language_column()
    translation_key = translation_group_column()
    status = status_column()
    go_live_at = go_live_column()

    required_columns = ("Slug", "Title", "Date", "Body")
    unique_fields = {"slug": str}
    select_related = ("summit",)

    class Meta:
        model = Statement
        name = "Statements"
        fields = (
            "slug",
            "title",
            "institution",
            "date",
            "body",
            "summit",
            "mandate_paragraphs",
            "summit_paragraphs",
            "language",
            "translation_key",
            "status",
            "go_live_at",
        )
        import_id_fields = ("slug",)


#: Every spreadsheet resource by the name the commands know it by.
