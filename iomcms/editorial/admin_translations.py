"""Translations in the admin: "Translate into…" on a record's page, the languages each
record of a list has, a filter for records missing a language, and translations whose
source changed since they were made marked out of date."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iomcms.core.translations import LANGUAGE_ORDER, Language

from . import translating
from .revisions import latest_version, record_versions, versions_of

# Whole sentences, each translated as one (articles differ: "an English version").
MISSING = {
    Language.SPANISH: gettext_lazy("Missing a Spanish version"),
    Language.ENGLISH: gettext_lazy("Missing an English version"),
    Language.PORTUGUESE: gettext_lazy("Missing a Portuguese version"),
    Language.FRENCH: gettext_lazy("Missing a French version"),
}


class MissingLanguageFilter(admin.SimpleListFilter):
    """Records whose translation group has no record in a language."""

    title = gettext_lazy("translations")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, MISSING[code]) for code in LANGUAGE_ORDER]

    def queryset(self, request, queryset):
        if self.value() in Language.values:
            return queryset.missing_language(self.value())
        return queryset


class OneRecordALanguage:
    """A form mixin: a record may not take a language its translation group already has
    (the database refuses it too, but the form's editor is told which field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.add_prefix("language")
        if self.is_bound and "language" in self.fields and name not in self.data:
            # A form sent without the field (a script's, a page saved before it) keeps the
            # record's language, as unchanged.
            self.data = self.data.copy()
            self.data[name] = self.instance.language

    def clean_language(self):
        record = self.instance
        code = self.cleaned_data.get("language")
        if record.pk and code and code != record.language:
            group = type(record)._default_manager.filter(translation_key=record.translation_key)
            if group.filter(language=code).exclude(pk=record.pk).exists():
                raise ValidationError(
                    _("This record has a translation in %(language)s already.")
                    % {"language": Language(code).label}
                )
        return code


class TranslationAdminMixin:
    """For the admin of a model with translations (`Translatable`): add `languages` to
    `list_display` and `MissingLanguageFilter` to `list_filter`. Only editors who may add
    records of the model translate them."""

    def get_queryset(self, request):
        # Subqueries and a join of the list's own query: the column costs no query.
        return super().get_queryset(request).with_translations().with_out_of_date()

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/translate/<str:language>/",
                view(self.translate_view),
                name="{}_{}_translate".format(*info),
            ),
            path(
                "<path:object_id>/translation-up-to-date/",
                view(self.up_to_date_view),
                name="{}_{}_translation_up_to_date".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (OneRecordALanguage, form), {})

    # -- the list ---------------------------------------------------------------------

    @admin.display(description=gettext_lazy("languages"))
    def languages(self, obj):
        """The languages of the record's group, its own in bold, the others linking to
        their records; "out of date" when the source changed since the translation."""
        cells = []
        for code in LANGUAGE_ORDER:
            pk = getattr(obj, f"translation_{code}", None)
            label = Language(code).label
            if pk is not None and pk == obj.pk:
                cells.append(format_html('<strong title="{}">{}</strong>', label, code.upper()))
            elif pk is not None:
                url = self.url_for("change", pk)
                cells.append(
                    format_html('<a href="{}" title="{}">{}</a>', url, label, code.upper())
                )
        shown = format_html_join(" ", "{}", ((cell,) for cell in cells))
        if obj.is_out_of_date():
            return format_html(
                '{} <span class="translation-out-of-date">{}</span>', shown, _("out of date")
            )
        return shown

    # -- the change page ----------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            if self.has_add_permission(request):
                context["translate_into"] = [
                    (label, self.url_for("translate", obj.pk, code))
                    for code, label in translating.missing_languages(obj)
                ]
            context["out_of_date"] = self.out_of_date_notice(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def out_of_date_notice(self, request, record):
        """What the change page says of a translation whose source changed since, or None."""
        if not record.is_out_of_date():
            return None
        source = record.translated_from
        compare_url = None
        if record.translated_from_version and (
            versions_of(source).filter(pk=record.translated_from_version).exists()
        ):
            compare_url = (
                self.url_for("compare", source.pk)
                + f"?a={record.translated_from_version}&b=current"
            )
        return {
            "source": source,
            "source_url": self.url_for("change", source.pk),
            "compare_url": compare_url,
            "up_to_date_url": (
                self.url_for("translation_up_to_date", record.pk)
                if self.has_change_permission(request, record)
                else None
            ),
        }

    # -- actions ------------------------------------------------------------------------

    def translate_view(self, request, object_id, language):
        """Make a draft of the record in `language` and open it (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        record = self.get_record(request, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            draft = translating.translate(record, language, request.user)
        except translating.TranslationRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(self.url_for("change", record.pk))
        messages.success(
            request,
            _("A draft in %(language)s, copied from “%(source)s”: translate it and save.")
            % {"language": Language(language).label, "source": record},
        )
        return HttpResponseRedirect(self.url_for("change", draft.pk))

    def up_to_date_view(self, request, object_id):
        """Say the translation follows its source as the source is now (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        record = self.get_record(request, object_id, permission="change")
        source = record.translated_from
        if source is not None:
            version = latest_version(source)
            record.translated_from_at = source.updated_at
            record.translated_from_version = version.pk if version else None
            record.save()
            record_versions(
                [record],
                request.user,
                _("Brought up to date with “%(source)s”.") % {"source": source},
            )
            messages.success(request, _("The translation is marked up to date with its source."))
        return HttpResponseRedirect(self.url_for("change", record.pk))

    def url_for(self, name, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)
