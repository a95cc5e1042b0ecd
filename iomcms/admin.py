"""Admin behaviour shared by every publishable model."""

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .publishing import Status, publish, unpublish

PUBLISHING_FIELDS = ("status", "go_live_at")


class PublishableAdmin(admin.ModelAdmin):
    """Publish/unpublish actions for Publishers; Editors see the publication fields read-only.

    Each model declares a `publish_<model>` permission in its Meta.
    """

    actions = ("publish_selected", "unpublish_selected")
    list_filter = ("status",)
    readonly_fields = ("source_key", "created_at", "updated_at")
    publishing_fieldset = (
        _("Publication"),
        {"fields": ("status", "go_live_at", "source_key", "created_at", "updated_at")},
    )

    def has_publish_permission(self, request):
        opts = self.opts
        codename = get_permission_codename("publish", opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            fields = (*fields, *PUBLISHING_FIELDS)
        return fields

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            obj.status = Status.DRAFT
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Live"), boolean=True)
    def live(self, obj):
        return obj.is_live

    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s"), permissions=("publish",)
    )
    def publish_selected(self, request, queryset):
        changed = publish(queryset)
        self.message_user(
            request,
            ngettext("%(count)d record published.", "%(count)d records published.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s"), permissions=("publish",)
    )
    def unpublish_selected(self, request, queryset):
        changed = unpublish(queryset)
        self.message_user(
            request,
            ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
