"""Editorial workflow records: share links to drafts, and the site-wide change log."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

SHARE_SALT = "iomcms.share-link"


def new_key():
    return secrets.token_urlsafe(24)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, at=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=at or timezone.now())

    def for_record(self, record):
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


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

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("preview:shared", kwargs={"token": self.token})

    @classmethod
    def create_for(cls, record, user, days=None):
        days = days or settings.SHARE_LINK_DAYS
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            created_by=user,
            expires_at=timezone.now() + timedelta(days=days),
        )

    @property
    def token(self):
        return signing.Signer(salt=SHARE_SALT).sign(self.key)

    @staticmethod
    def key_from_token(token):
        """The key a token carries, or None when its signature does not match."""
        try:
            return signing.Signer(salt=SHARE_SALT).unsign(token)
        except signing.BadSignature:
            return None

    def is_active(self, at=None):
        return self.revoked_at is None and self.expires_at > (at or timezone.now())

    def get_state_display(self):
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
