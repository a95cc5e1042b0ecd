"""Editorial workflow records: share links to drafts, and the site-wide change log."""

import secrets
from datetime import datetime, timedelta
from typing import Self

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

SHARE_SALT = "iomcms.share-link"


def new_key() -> str:
    return secrets.token_urlsafe(24)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, at: datetime | None = None) -> Self:
        return self.filter(revoked_at__isnull=True, expires_at__gt=at or timezone.now())

    def for_record(self, record: models.Model) -> Self:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )

    def revocable_by(self, user: User) -> Self:
        """The links `user` may revoke or change: their own, and any to a kind of record
        they may publish (Publishers)."""
        publishable = [
            permission.content_type_id
            for permission in Permission.objects.filter(
                codename__startswith="publish_"
            ).select_related("content_type")
            if permission.codename == f"publish_{permission.content_type.model}"
            and user.has_perm(f"{permission.content_type.app_label}.{permission.codename}")
        ]
        return self.filter(Q(created_by=user) | Q(content_type__in=publishable))


def expiry_cap_message() -> str:
    """The cap's message, in the language active when it is shown (and in English for
    the migrations, which run untranslated)."""
    return _("A share link expires after it is made and within %(days)d days.") % {
        "days": settings.SHARE_LINK_MAX_DAYS
    }


class ShareLink(models.Model):
    """A signed address that lets someone without an account read one draft, until it
    expires or is revoked."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_key, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires"), help_text=_("After this moment the link shows nothing.")
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        indexes = [models.Index(fields=["content_type", "object_id"], name="sharelink_record")]
        constraints = [
            # On SQLite the sum is a function Django gives its connections: rows of this
            # table can be written through Django only (not the sqlite3 shell).
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at"))
                & Q(
                    expires_at__lte=F("created_at") + timedelta(days=settings.SHARE_LINK_MAX_DAYS)
                ),
                name="sharelink_expiry_within_cap",
                violation_error_message=lazy(expiry_cap_message, str)(),
            )
        ]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return reverse("preview:shared", kwargs={"token": self.token})

    def clean(self) -> None:
        """The expiry comes after the link is made, and within SHARE_LINK_MAX_DAYS of it,
        however it is set (the constraint says so too, but a form leaves out the
        creation time it is checked against)."""
        super().clean()
        made = self.created_at or timezone.now()
        cap = made + timedelta(days=settings.SHARE_LINK_MAX_DAYS)
        if self.expires_at is not None and not made < self.expires_at <= cap:
            raise ValidationError(
                {
                    "expires_at": _(
                        "A share link lasts at most %(days)d days from when it was made: "
                        "choose a moment before %(cap)s."
                    )
                    % {
                        "days": settings.SHARE_LINK_MAX_DAYS,
                        "cap": date_format(timezone.localtime(cap), "DATETIME_FORMAT"),
                    }
                }
            )

    @classmethod
    def create_for(cls, record: models.Model, user: User, days: int | None = None) -> Self:
        link = cls(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            created_by=user,
            expires_at=timezone.now() + timedelta(days=days or settings.SHARE_LINK_DAYS),
        )
        link.full_clean()
        link.save()
        return link

    def is_revocable_by(self, user: User) -> bool:
        """Whether `user` may revoke or change this link (see ShareLinkQuerySet)."""
        if self.created_by_id is not None and self.created_by_id == user.pk:
            return True
        kind = self.content_type
        return user.has_perm(f"{kind.app_label}.publish_{kind.model}")

    @property
    def token(self) -> str:
        return signing.Signer(salt=SHARE_SALT).sign(self.key)

    @staticmethod
    def key_from_token(token: str) -> str | None:
        """The key a token carries, or None when its signature does not match."""
        try:
            return signing.Signer(salt=SHARE_SALT).unsign(token)
        except signing.BadSignature:
            return None

    def is_active(self, at: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (at or timezone.now())

    def get_state_display(self) -> Promise:
        if self.revoked_at:
            return _("revoked")
        return _("active") if self.is_active() else _("expired")


class Change(Version):
    """One record's version in a revision, as the site-wide change log lists it."""

    class Meta:
        proxy = True
        ordering = ["-revision__date_created", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("change log")


class EditorTimeZone(models.Model):
    """The time zone a member of staff reads and types times in, in the admin; without one,
    the office's (`OFFICE_TIME_ZONE`). Times are stored in UTC whatever the zone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="time_zone",
    )
    name = models.CharField(
        _("time zone"),
        max_length=64,
        help_text=_(
            "The admin shows times in this zone, and reads the times you type in it, "
            'as the tz database names it ("America/Costa_Rica").'
        ),
    )

    class Meta:
        verbose_name = _("time zone")
        verbose_name_plural = _("time zones")

    def __str__(self):
        return self.name
