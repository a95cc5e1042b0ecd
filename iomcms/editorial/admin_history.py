"""Admin pages for a record's versions: the history, a comparison of any two versions,
restoring one, and share links to a draft."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reversion.models import Version

from . import revisions
from .models import ShareLink


class RestoreForm(forms.Form):
    restore_publication = forms.BooleanField(
        label=_("Also restore its publication: status, go-live and expiry"), required=False
    )


class RevisionAdminMixin:
    """Keeps a version on every admin save and adds history, compare and restore pages."""

    object_history_template = "admin/iomcms/object_history.html"

    # -- a version for every save ------------------------------------------------------

    def log_addition(
        self, request: HttpRequest, obj: Model, message: str | list[dict[str, Any]]
    ) -> LogEntry:
        entry = super().log_addition(request, obj, message)
        revisions.record_versions([obj], request.user, entry.get_change_message())
        return entry

    def log_change(
        self, request: HttpRequest, obj: Model, message: str | list[dict[str, Any]]
    ) -> LogEntry:
        entry = super().log_change(request, obj, message)
        revisions.record_versions([obj], request.user, entry.get_change_message())
        return entry

    # -- pages ---------------------------------------------------------------------------

    def get_urls(self) -> list[URLPattern | URLResolver]:
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            path(
                "<path:object_id>/share/",
                view(self.share_view),
                name="{}_{}_share".format(*info),
            ),
            *super().get_urls(),
        ]

    def url_for(self, name: str, *args: Any) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    def get_record(self, request: HttpRequest, object_id: str, permission: str = "view") -> Model:
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404(_("No such record."))
        allowed = (
            self.has_change_permission(request, record)
            if permission == "change"
            else self.has_view_or_change_permission(request, record)
        )
        if not allowed:
            raise PermissionDenied
        return record

    def page(
        self, request: HttpRequest, record: Model, template: str, title: str, **context: Any
    ) -> TemplateResponse:
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": record,
                "title": title,
                "history_url": self.url_for("history", record.pk),
                **context,
            },
        )

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        record = self.get_record(request, object_id)
        versions = list(revisions.versions_of(record))
        return super().history_view(
            request,
            object_id,
            {
                "versions": versions,
                "compare_url": self.url_for("compare", record.pk),
                "can_restore": self.has_change_permission(request, record),
                **(extra_context or {}),
            },
        )

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """What changed between two versions (`a`, the older, and `b`); `b` may be
        "current" for the record as it is now."""
        record = self.get_record(request, object_id)
        versions = revisions.versions_of(record)
        older = self.version_from(versions, request.GET.get("a"))
        newer_id = request.GET.get("b", "current")
        newer = None if newer_id == "current" else self.version_from(versions, newer_id)
        if older is None or (newer is None and newer_id != "current"):
            messages.error(request, _("Choose two versions of this record to compare."))
            return HttpResponseRedirect(self.url_for("history", record.pk))
        if newer is not None and newer.revision.date_created < older.revision.date_created:
            older, newer = newer, older
        after = revisions.snapshot(newer) if newer else revisions.current_snapshot(record)
        return self.page(
            request,
            record,
            "admin/iomcms/compare.html",
            _("Compare versions of %(record)s") % {"record": record},
            older=older,
            newer=newer,
            changes=revisions.changes(self.model, revisions.snapshot(older), after),
        )

    @staticmethod
    def version_from(versions: QuerySet[Version], value: str | None) -> Version | None:
        try:
            return versions.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def restore_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        """Restore a version's content; its status, go-live and expiry only when a
        Publisher ticks that on this page."""
        record = self.get_record(request, object_id, permission="change")
        version = get_object_or_404(revisions.versions_of(record), pk=version_id)
        may_publish = self.has_publish_permission(request)
        form = RestoreForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            revisions.restore(
                version,
                request.user,
                restore_publication=may_publish and form.cleaned_data["restore_publication"],
            )
            messages.success(
                request,
                _("The version of %(date)s is restored; it is now the latest version.")
                % {"date": localize(template_localtime(version.revision.date_created))},
            )
            return HttpResponseRedirect(self.url_for("change", record.pk))
        changes = revisions.changes(
            self.model, revisions.current_snapshot(record), revisions.snapshot(version)
        )
        publication = [c for c in changes if c.field.name in revisions.PUBLICATION_FIELDS]
        return self.page(
            request,
            record,
            "admin/iomcms/restore.html",
            _("Restore a version of %(record)s") % {"record": record},
            version=version,
            changes=[c for c in changes if c not in publication],
            publication_changes=publication,
            takes_offline=record.is_live and not version._object_version.object.is_live,
            may_publish=may_publish,
            form=form,
        )

    def share_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Share links to this record: create one, see and revoke the others."""
        record = self.get_record(request, object_id, permission="change")
        if not request.user.has_perm("iomcms.add_sharelink"):
            raise PermissionDenied
        links = ShareLink.objects.for_record(record).select_related("created_by")
        if request.method == "POST":
            if "revoke" in request.POST:
                if not request.user.has_perm("iomcms.change_sharelink"):
                    raise PermissionDenied
                pk = request.POST.get("revoke", "")
                revoked = links.filter(pk=int(pk) if pk.isdigit() else None, revoked_at=None)
                if revoked.exclude(pk__in=links.revocable_by(request.user).values("pk")).exists():
                    raise PermissionDenied  # someone else's link, and not a Publisher
                if revoked.update(revoked_at=timezone.now()):
                    messages.success(request, _("The link is revoked: it shows nothing now."))
            else:
                days = self.share_days(request.POST.get("days"))
                link = ShareLink.create_for(record, request.user, days)
                messages.success(
                    request,
                    ngettext(
                        "A share link valid for %(days)d day is ready: copy it from the list.",
                        "A share link valid for %(days)d days is ready: copy it from the list.",
                        days,
                    )
                    % {"days": days},
                )
                return HttpResponseRedirect(f"{request.path}#link-{link.pk}")
            return HttpResponseRedirect(request.path)
        return self.page(
            request,
            record,
            "admin/iomcms/share.html",
            _("Share a preview of %(record)s") % {"record": record},
            links=links,
            revocable=set(links.revocable_by(request.user).values_list("pk", flat=True)),
            days=settings.SHARE_LINK_DAYS,
            max_days=settings.SHARE_LINK_MAX_DAYS,
            change_url=self.url_for("change", record.pk),
        )

    @staticmethod
    def share_days(value: str | None) -> int:
        try:
            days = int(value)
        except (TypeError, ValueError):
            return settings.SHARE_LINK_DAYS
        return min(max(days, 1), settings.SHARE_LINK_MAX_DAYS)
