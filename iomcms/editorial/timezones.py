"""Editors' time zones: each member of staff reads and types the admin's times in their own
zone, chosen on the "My time zone" page, or in the office's until they choose one.

Storage stays UTC (`USE_TZ`); a zone only changes how a time is shown and how a typed time
is read. Requests without a session (every public visitor) are left in the site's zone and
never touch the session, so the page cache is unchanged by this.
"""

import zoneinfo
from collections.abc import Callable
from functools import cache

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import EditorTimeZone

# The tz database's areas; names outside them ("US/Eastern", "EST5EDT") are old aliases.
AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


@cache
def known_zones() -> frozenset[str]:
    """UTC and every zone of an area ("America/Costa_Rica")."""
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name == "UTC" or (name.partition("/")[0] in AREAS and "/" in name)
    )


@cache
def time_zone_choices() -> list[tuple[str, str | list[tuple[str, str]]]]:
    """The known zones by area, each place as a reader says it ("Costa Rica")."""
    by_area: dict[str, list[tuple[str, str]]] = {area: [] for area in AREAS}
    for name in sorted(known_zones() - {"UTC"}):
        area, _slash, place = name.partition("/")
        by_area[area].append((name, place.replace("_", " ").replace("/", " / ")))
    return [("UTC", "UTC"), *((area, places) for area, places in by_area.items() if places)]


def zone_name_of(user: User) -> str:
    """The zone `user` chose, or the office's."""
    name = EditorTimeZone.objects.filter(user=user).values_list("name", flat=True).first()
    return name if name in known_zones() else settings.OFFICE_TIME_ZONE


def admin_prefix() -> str:
    return reverse("admin:index")


class EditorTimeZoneMiddleware:
    """Signed-in staff see and type times in their zone on the admin's pages. Public pages
    and previews stay in the site's zone, as every visitor reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        if settings.OFFICE_TIME_ZONE not in known_zones():
            # Loudly, as the server starts, not on each editor's first page.
            raise ImproperlyConfigured(
                f'OFFICE_TIME_ZONE "{settings.OFFICE_TIME_ZONE}" is not a time zone such as '
                '"America/Costa_Rica".'
            )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (request.path.startswith(admin_prefix()) and self.is_staff(request)):
            return self.get_response(request)
        timezone.activate(zoneinfo.ZoneInfo(zone_name_of(request.user)))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

    @staticmethod
    def is_staff(request: HttpRequest) -> bool:
        # Without a session cookie nobody is signed in: the session is not even looked at.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = request.user
        return user.is_authenticated and user.is_active and user.is_staff


class TimeZoneForm(forms.ModelForm):
    name = forms.ChoiceField(
        label=gettext_lazy("Time zone"),
        choices=time_zone_choices,
        help_text=EditorTimeZone._meta.get_field("name").help_text,
    )

    class Meta:
        model = EditorTimeZone
        fields = ("name",)


def my_time_zone(request: HttpRequest) -> HttpResponse:
    """A member of staff chooses the zone the admin shows them times in."""
    choice = EditorTimeZone.objects.filter(user=request.user).first() or EditorTimeZone(
        user=request.user, name=settings.OFFICE_TIME_ZONE
    )
    form = TimeZoneForm(request.POST or None, instance=choice)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("The admin now shows times in %(zone)s.") % {"zone": choice.name}
        )
        return redirect("my_time_zone")
    context = {
        **admin.site.each_context(request),
        "title": _("My time zone"),
        "form": form,
        "office_zone": settings.OFFICE_TIME_ZONE,
        "now": timezone.now(),
    }
    return TemplateResponse(request, "admin/iomcms/time_zone.html", context)
