"""Admin behaviour shared by every publishable model."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.forms.models import BaseModelFormSet
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from iomcms.core.publishing import Publishable, PublishableQuerySet, State, Status

from .admin_actions import BulkPublishingMixin
from .admin_history import RevisionAdminMixin
from .conflicts import ConflictCheckForm, SeenValuesForm
from .models import Change, ShareLink, ShareLinkQuerySet
from .revisions import content_type_choices

PUBLISHING_FIELDS = ("status", "go_live_at", "expires_at")


class StateFilter(admin.SimpleListFilter):
    """Draft, scheduled (published, go-live to come), live or expired, as of now."""

    title = _("state")
    parameter_name = "state"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> list[tuple[str, str | Promise]]:
        return State.choices

    def queryset(self, request: HttpRequest, queryset: PublishableQuerySet) -> PublishableQuerySet:
        now = timezone.now()
        match self.value():
            case State.DRAFT:
                return queryset.exclude(status=Status.PUBLISHED)
            case State.SCHEDULED:
                return queryset.scheduled(now)
            case State.LIVE:
                return queryset.published(now)
            case State.EXPIRED:
                return queryset.expired(now)
        return queryset


class ReferenceAdmin(admin.ModelAdmin):
    """Reference records kept without versions (regions, countries, offices, themes,
    summits): a save that would overwrite one made since the form was opened is refused
    (`SeenValuesForm`)."""

    form = SeenValuesForm
    change_form_template = "admin/iomcms/reference_change_form.html"


class PublishableAdmin(RevisionAdminMixin, BulkPublishingMixin, admin.ModelAdmin):
    """Versions, conflict checks, previews and share links for every editor; publish,
    unpublish and schedule actions for Publishers, who alone set the publication fields.

    Each model declares a `publish_<model>` permission in its Meta.
    """

    form = ConflictCheckForm
    change_form_template = "admin/iomcms/change_form.html"
    actions = ("publish_selected", "unpublish_selected", "schedule_selected")
    list_filter = (StateFilter, "status")
    readonly_fields = ("source_key", "created_at", "updated_at")
    publishing_fieldset = (
        _("Publication"),
        {
            "fields": (
                "status",
                ("go_live_at", "expires_at"),
                "source_key",
                "created_at",
                "updated_at",
            )
        },
    )

    def has_publish_permission(self, request: HttpRequest) -> bool:
        opts = self.opts
        codename = get_permission_codename("publish", opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")

    def get_readonly_fields(
        self, request: HttpRequest, obj: Publishable | None = None
    ) -> Sequence[str]:
        fields = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            fields = (*fields, *PUBLISHING_FIELDS)
        return fields

    def save_model(
        self, request: HttpRequest, obj: Publishable, form: forms.ModelForm, change: bool
    ) -> None:
        if not change and not self.has_publish_permission(request):
            obj.status = Status.DRAFT
        super().save_model(request, obj, form, change)

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm,
        formsets: Sequence[BaseModelFormSet],
        change: bool,
    ) -> None:
        """Relations a merge keeps as the other editor saved them are not saved from the
        form's inlines."""
        kept = {
            self.opts.get_field(name).remote_field.through
            for name in getattr(form, "keep_current", ())
        }
        for formset in formsets:
            if formset.model in kept:
                # Nothing saved from it, as the change message will say.
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        formsets = [formset for formset in formsets if formset.model not in kept]
        super().save_related(request, form, formsets, change)

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Publishable | None = None,
    ) -> HttpResponse:
        if obj is not None and obj.pk:
            context["preview_url"] = reverse(
                "preview:draft",
                kwargs={
                    "app_label": self.opts.app_label,
                    "model": self.opts.model_name,
                    "pk": obj.pk,
                },
            )
            if request.user.has_perm("iomcms.add_sharelink"):
                context["share_url"] = self.url_for("share", obj.pk)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("Live"), boolean=True)
    def live(self, obj: Publishable) -> bool:
        return obj.is_live

    @admin.display(description=_("State"), ordering="go_live_at")
    def state(self, obj: Publishable) -> str | Promise:
        state = obj.state()
        label = State(state).label
        if state == State.SCHEDULED:
            return format_html(
                "{} {}",
                label,
                date_format(timezone.localtime(obj.go_live_at), "SHORT_DATETIME_FORMAT"),
            )
        if state == State.LIVE and obj.expires_at:
            return format_html(
                "{} ({} {})",
                label,
                _("until"),
                date_format(timezone.localtime(obj.expires_at), "SHORT_DATETIME_FORMAT"),
            )
        return label


# ---- editorial workflow: share links and the change log ---------------------------------


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    """Every share link to a draft; revoke them here. Links are made from a record's page."""

    list_display = (
        "link_record",
        "content_type",
        "created_by",
        "created_at",
        "expires_at",
        "state",
    )
    list_filter = ("content_type", "created_at", "expires_at")
    list_select_related = ("content_type", "created_by")
    readonly_fields = ("content_type", "object_id", "created_by", "created_at", "revoked_at")
    fields = (*readonly_fields, "expires_at")
    actions = ("revoke_selected",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ShareLink | None = None) -> bool:
        """Everyone who may change links sees them all; a link itself is changed only by
        whoever made it or a Publisher of its record."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.is_revocable_by(request.user))

    @admin.display(description=_("record"))
    def link_record(self, obj: ShareLink) -> Model | str:
        return obj.record or "—"

    @admin.display(description=_("state"))
    def state(self, obj: ShareLink) -> Promise:
        return obj.get_state_display()

    @admin.action(description=_("Revoke selected share links"), permissions=("change",))
    def revoke_selected(self, request: HttpRequest, queryset: ShareLinkQuerySet) -> None:
        mine = queryset.revocable_by(request.user).values("pk")
        others = queryset.exclude(pk__in=mine).count()
        if others:
            self.message_user(
                request,
                ngettext(
                    "Nothing was revoked: %(count)d selected link is someone else's. Only "
                    "whoever made a link, or a Publisher, revokes it.",
                    "Nothing was revoked: %(count)d selected links are someone else's. Only "
                    "whoever made a link, or a Publisher, revokes it.",
                    others,
                )
                % {"count": others},
                messages.ERROR,
            )
            return
        changed = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d link revoked.", "%(count)d links revoked.", changed)
            % {"count": changed},
        )


class ContentTypeFilter(admin.SimpleListFilter):
    title = _("kind of record")
    parameter_name = "model"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> list[tuple[int, str]]:
        return content_type_choices()

    def queryset(self, request: HttpRequest, queryset: QuerySet[Change]) -> QuerySet[Change]:
        if self.value() and self.value().isdigit():
            return queryset.filter(content_type_id=self.value())
        return queryset


class UserFilter(admin.SimpleListFilter):
    """Only the people who have changed something: a short list."""

    title = _("user")
    parameter_name = "user"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> list[tuple[int, str]]:
        users = User.objects.filter(revision__isnull=False).distinct().order_by("username")
        return [(user.pk, user.get_full_name() or user.get_username()) for user in users]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Change]) -> QuerySet[Change]:
        if self.value() and self.value().isdigit():
            return queryset.filter(revision__user_id=self.value())
        return queryset


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """Who changed what and when across the site, read-only: the `view_change` permission
    (Publishers)."""

    list_display = ("when", "who", "kind", "link_record", "comment")
    list_filter = (UserFilter, ContentTypeFilter, "revision__date_created")
    date_hierarchy = "revision__date_created"
    search_fields = ("object_repr", "revision__comment")
    list_select_related = ("revision__user", "content_type")
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Change]:
        kinds = [pk for pk, _label in content_type_choices()]
        return super().get_queryset(request).filter(content_type_id__in=kinds)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Change | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Change | None = None) -> bool:
        return False

    @admin.display(description=_("when"), ordering="revision__date_created")
    def when(self, obj: Change) -> str:
        return date_format(timezone.localtime(obj.revision.date_created), "DATETIME_FORMAT")

    @admin.display(description=_("who"), ordering="revision__user__username")
    def who(self, obj: Change) -> str:
        user = obj.revision.user
        return (user.get_full_name() or user.get_username()) if user else "—"

    @admin.display(description=_("kind of record"), ordering="content_type__model")
    def kind(self, obj: Change) -> str:
        return capfirst(obj.content_type.name)

    @admin.display(description=_("record"), ordering="object_repr")
    def link_record(self, obj: Change) -> str:
        opts = obj.content_type
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model}_history", args=[obj.object_id])
        except NoReverseMatch:
            return obj.object_repr
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)

    @admin.display(description=_("what changed"))
    def comment(self, obj: Change) -> str:
        return obj.revision.get_comment() or "—"
