"""Publish, unpublish and schedule many records at once, after a confirmation page."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from iomcms.core.publishing import PublishableQuerySet, publish, schedule, unpublish

from . import revisions

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def datetime_field(
    label: str | Promise, required: bool, help_text: str | Promise
) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=[DATETIME_INPUT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT),
    )


class ScheduleForm(forms.Form):
    go_live_at = datetime_field(gettext_lazy("Go live at"), True, "")
    expires_at = datetime_field(
        gettext_lazy("Expire at"), False, gettext_lazy("Optional: when they leave the site.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Times are read in the zone the admin shows this user (iomcms.editorial.timezones).
        self.fields["go_live_at"].help_text = _("In your time zone, %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }

    def clean_go_live_at(self) -> datetime:
        value = self.cleaned_data["go_live_at"]
        if value <= timezone.now():
            raise ValidationError(_("Choose a time in the future; to publish now, publish."))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        go_live, expires = cleaned.get("go_live_at"), cleaned.get("expires_at")
        if go_live and expires and expires <= go_live:
            self.add_error("expires_at", _("The expiry time must come after the go-live time."))
        return cleaned


class BulkPublishingMixin:
    """Each action first shows what is selected and asks to confirm; then it changes the
    records, keeps a version of each one it changed and says how many."""

    bulk_template = "admin/iomcms/bulk_confirmation.html"

    @admin.action(
        description=gettext_lazy("Publish selected %(verbose_name_plural)s"),
        permissions=("publish",),
    )
    def publish_selected(
        self, request: HttpRequest, queryset: PublishableQuerySet
    ) -> TemplateResponse | None:
        return self.bulk_change(
            request,
            queryset,
            "publish_selected",
            lambda records: publish(records),
            _("Publish"),
            lambda n: ngettext("%(count)d record published.", "%(count)d records published.", n),
        )

    @admin.action(
        description=gettext_lazy("Unpublish selected %(verbose_name_plural)s"),
        permissions=("publish",),
    )
    def unpublish_selected(
        self, request: HttpRequest, queryset: PublishableQuerySet
    ) -> TemplateResponse | None:
        return self.bulk_change(
            request,
            queryset,
            "unpublish_selected",
            unpublish,
            _("Unpublish"),
            lambda n: ngettext(
                "%(count)d record unpublished.", "%(count)d records unpublished.", n
            ),
        )

    @admin.action(
        description=gettext_lazy("Schedule selected %(verbose_name_plural)s"),
        permissions=("publish",),
    )
    def schedule_selected(
        self, request: HttpRequest, queryset: PublishableQuerySet
    ) -> TemplateResponse | None:
        form = ScheduleForm(request.POST if "confirm" in request.POST else None)
        return self.bulk_change(
            request,
            queryset,
            "schedule_selected",
            lambda records: schedule(
                records, form.cleaned_data["go_live_at"], form.cleaned_data["expires_at"]
            ),
            _("Schedule"),
            lambda n: ngettext("%(count)d record scheduled.", "%(count)d records scheduled.", n),
            form=form,
        )

    def bulk_change(
        self,
        request: HttpRequest,
        queryset: PublishableQuerySet,
        action: str,
        change: Callable[[PublishableQuerySet], int],
        verb: str,
        done: Callable[[int], str],
        form: ScheduleForm | None = None,
    ) -> TemplateResponse | None:
        if request.POST.get("confirm") == "yes" and (form is None or form.is_valid()):
            before = publication_state(queryset)
            change(queryset)
            after = publication_state(self.model.objects.filter(pk__in=before))
            changed = [pk for pk, state in before.items() if after.get(pk) != state]
            revisions.record_versions_of(
                self.model.objects.filter(pk__in=changed), request.user, f"{verb} (bulk action)"
            )
            self.message_user(
                request, done(len(changed)) % {"count": len(changed)}, messages.SUCCESS
            )
            return None
        select_across = request.POST.get("select_across") == "1"
        return TemplateResponse(
            request,
            self.bulk_template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("%(verb)s %(count)d %(noun)s?")
                % {
                    "verb": verb,
                    "count": queryset.count(),
                    "noun": self.opts.verbose_name_plural
                    if queryset.count() != 1
                    else self.opts.verbose_name,
                },
                "verb": verb,
                "action": action,
                "records": queryset[:200],
                "count": queryset.count(),
                "select_across": select_across,
                "selected": []
                if select_across
                else request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "form": form,
            },
        )


def publication_state(queryset: QuerySet) -> dict[int, list[Any]]:
    return {
        pk: rest for pk, *rest in queryset.values_list("pk", "status", "go_live_at", "expires_at")
    }
