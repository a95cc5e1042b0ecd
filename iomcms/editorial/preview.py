"""Drafts before they go out: an editor's preview, and share links for reviewers.

Both render the record's public page, narrowed to that one record whatever its state,
under a "draft" banner, never cached and never indexed. Everything else the page shows
(related releases, media contacts) still comes from published records only, so a preview
reveals no other draft.
"""

from typing import Any

from django.apps import apps
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from iomcms.core.publishing import Publishable
from iomcms.core.registry import entry_for

from .models import ShareLink


def render_record(
    request: HttpRequest, record: Publishable, link: ShareLink | None = None
) -> HttpResponse:
    entry = entry_for(type(record))
    banner = {"state": record.state(), "record": record, "link": link}
    if entry.preview_view is None:
        context = {record._meta.model_name: record, "preview": banner}
        response = TemplateResponse(request, entry.preview_template, context)
    else:

        class PreviewView(entry.preview_view):
            def records(self) -> QuerySet:
                return type(record)._default_manager.filter(pk=record.pk)

            def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
                return super().get_context_data(preview=banner, **kwargs)

        response = PreviewView.as_view()(request, slug=record.slug)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def previewable(model: type[Model] | None) -> bool:
    entry = entry_for(model)
    return entry is not None and entry.previewable


@require_safe
@staff_member_required
def draft(request: HttpRequest, app_label: str, model: str, pk: int) -> HttpResponse:
    """An editor's preview of any record they may see, in any state."""
    try:
        model_class = apps.get_model(app_label, model)
    except LookupError:
        raise Http404 from None
    if not previewable(model_class):
        raise Http404
    opts = model_class._meta
    if not (
        request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        or request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    ):
        raise PermissionDenied
    record = model_class._default_manager.filter(pk=pk).first()
    if record is None:
        raise Http404
    return render_record(request, record)


@require_safe
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The one record a share link names, while the link is active; a 404 otherwise."""
    key = ShareLink.key_from_token(token)
    link = (
        ShareLink.objects.active().select_related("content_type").filter(key=key).first()
        if key
        else None
    )
    model_class = link.content_type.model_class() if link else None
    if not previewable(model_class):
        raise Http404
    record = model_class._default_manager.filter(pk=link.object_id).first()
    if record is None:
        raise Http404
    return render_record(request, record, link=link)
