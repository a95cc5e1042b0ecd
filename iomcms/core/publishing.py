"""What every public record shares: a publication state, a go-live time and an optional
expiry time, a slug, timestamps and the key of the source text it came from.

`published()` is the one rule every public reader goes through.
"""

from datetime import datetime
from typing import Any, Self

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, at: datetime | None = None) -> Self:
        """Records a visitor may see: published, live (no go-live time, or one past) and
        not expired (no expiry time, or one still to come)."""
        at = at or timezone.now()
        return self.filter(
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=at),
            Q(expires_at__isnull=True) | Q(expires_at__gt=at),
            status=Status.PUBLISHED,
        )

    def scheduled(self, at: datetime | None = None) -> Self:
        """Published records whose go-live time is still to come."""
        return self.filter(status=Status.PUBLISHED, go_live_at__gt=at or timezone.now())

    def expired(self, at: datetime | None = None) -> Self:
        """Published records whose expiry time has passed."""
        return self.filter(status=Status.PUBLISHED, expires_at__lte=at or timezone.now())

    def drafts(self) -> Self:
        return self.filter(status=Status.DRAFT)

    def get_by_natural_key(self, slug: str) -> "Publishable":
        return self.get(slug=slug)


class Publishable(models.Model):
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published records whose go-live time has passed are public."),
    )
    go_live_at = models.DateTimeField(
        _("go-live time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "When a published record becomes public. Empty means as soon as it is published."
        ),
    )
    expires_at = models.DateTimeField(
        _("expiry time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When a published record leaves the site. Empty means it stays."),
    )
    source_key = models.CharField(
        _("source key"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Stable key of the source text this record was imported from."),
    )
    source_values = models.JSONField(
        _("imported values"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "What the last import wrote, field by field, so a re-import can tell an "
            "editor's change from its own."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A published record always knows when it went (or goes) live: lists sort by it.
        if self.status == Status.PUBLISHED and self.go_live_at is None:
            self.go_live_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "go_live_at"}
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def is_live(self) -> bool:
        return self.state() == State.LIVE

    def state(self, at: datetime | None = None) -> "State":
        """Where the record stands for a visitor: draft, scheduled, live or expired."""
        at = at or timezone.now()
        if self.status != Status.PUBLISHED:
            return State.DRAFT
        if self.go_live_at is not None and self.go_live_at > at:
            return State.SCHEDULED
        if self.expires_at is not None and self.expires_at <= at:
            return State.EXPIRED
        return State.LIVE


class State(models.TextChoices):
    """What a visitor sees of a record at a given moment (derived, never stored)."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")


def expiry_after_go_live(table: str) -> models.CheckConstraint:
    """An expiry time, when there is one, comes after the go-live time."""
    return models.CheckConstraint(
        condition=Q(expires_at__isnull=True)
        | Q(go_live_at__isnull=True)
        | Q(expires_at__gt=models.F("go_live_at")),
        name=f"{table}_expires_after_go_live",
        violation_error_message=_("The expiry time must come after the go-live time."),
    )


def unique_source_key(table: str) -> models.UniqueConstraint:
    """One record per source text: the key a re-import finds it by."""
    return models.UniqueConstraint(
        fields=["source_key"],
        condition=~Q(source_key=""),
        name=f"{table}_unique_source_key",
    )


def publish(queryset: PublishableQuerySet, at: datetime | None = None) -> int:
    """Publish every record of `queryset` that is not yet; return how many changed.

    A record without a go-live time gets `at` (now), so the site knows when it went out;
    one scheduled for later keeps its time; one whose expiry has passed loses it.
    """
    at = at or timezone.now()
    # An expired record published again comes back: its past expiry goes.
    changed = queryset.expired(at).update(expires_at=None, updated_at=at)
    drafts = queryset.exclude(status=Status.PUBLISHED)
    changed += drafts.filter(go_live_at__isnull=True).update(
        status=Status.PUBLISHED, go_live_at=at, updated_at=at
    )
    changed += drafts.filter(expires_at__lte=at).update(
        status=Status.PUBLISHED, expires_at=None, updated_at=at
    )
    changed += drafts.update(status=Status.PUBLISHED, updated_at=at)
    content_changed()
    return changed


def schedule(
    queryset: PublishableQuerySet, go_live_at: datetime, expires_at: datetime | None = None
) -> int:
    """Publish every record of `queryset` at `go_live_at`, until `expires_at` if given;
    return how many changed. Records already live go off the site until then."""
    changed = queryset.exclude(
        status=Status.PUBLISHED, go_live_at=go_live_at, expires_at=expires_at
    ).update(
        status=Status.PUBLISHED,
        go_live_at=go_live_at,
        expires_at=expires_at,
        updated_at=timezone.now(),
    )
    content_changed()
    return changed


def unpublish(queryset: PublishableQuerySet) -> int:
    """Return every published record of `queryset` to draft; return how many changed."""
    changed = queryset.filter(status=Status.PUBLISHED).update(
        status=Status.DRAFT, updated_at=timezone.now()
    )
    content_changed()
    return changed


# Sent when content changed by a path that sends no model signals (bulk updates).
changed = Signal()


def content_changed() -> None:
    """Say that content changed by a path that sends no model signals."""
    changed.send(sender=None)


def next_change() -> datetime | None:
    """The earliest scheduled go-live or expiry still in the future, over every publishable
    model."""
    now = timezone.now()
    upcoming: list[datetime] = []
    for model in apps.get_models():
        if issubclass(model, Publishable):
            for field in ("go_live_at", "expires_at"):
                moment = (
                    model.objects.filter(**{f"{field}__gt": now})
                    .order_by(field)
                    .values_list(field, flat=True)
                    .first()
                )
                if moment:
                    upcoming.append(moment)
    return min(upcoming) if upcoming else None
