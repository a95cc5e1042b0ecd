"""The admin's "coming up" page: what goes live or expires next, across the site."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from iomcms.core.publishing import Publishable, Status


@dataclass
class Event:
    at: datetime
    what: str
    record: models.Model

    @property
    def noun(self) -> str | Promise:
        return self.record._meta.verbose_name

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])


def upcoming(user: User | AnonymousUser, limit: int, now: datetime | None = None) -> list[Event]:
    """The next `limit` go-lives and expiries of published records `user` may see."""
    now = now or timezone.now()
    events: list[Event] = []
    for model in admin.site._registry:
        opts = model._meta
        if not issubclass(model, Publishable) or not user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        ):
            continue
        published = model.objects.filter(status=Status.PUBLISHED)
        for field, what in (("go_live_at", _("goes live")), ("expires_at", _("expires"))):
            for record in published.filter(**{f"{field}__gt": now}).order_by(field)[:limit]:
                events.append(Event(getattr(record, field), what, record))
    return sorted(events, key=lambda event: event.at)[:limit]


def coming_up(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(
        request,
        "admin/iomcms/coming_up.html",
        {
            **admin.site.each_context(request),
            "title": _("Coming up"),
            "events": upcoming(request.user, settings.SCHEDULE_LIST_LENGTH),
        },
    )
