"""Small builders for test data: each makes one valid record, overridable field by field."""

import itertools

from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from iomcms.core.publishing import Status
from newsroom.models import Contact, NewsRelease, Office, ReleaseContact, Statement, Theme
from projects.models import Country, Project

_numbers = itertools.count(1)


def _unique(prefix):
    return f"{prefix} {next(_numbers)}"


def country(iso_code="AR"):
    """A country from the reference list the migrations install."""
    return Country.objects.get(iso_code=iso_code)


def office(name=None, **fields):
    name = name or _unique("IOM Office")
    return Office.objects.create(name=name, slug=slugify(name), **fields)


def contact(name=None, **fields):
    name = name or _unique("Contact")
    fields.setdefault("status", Status.PUBLISHED)
    return Contact.objects.create(name=name, slug=slugify(name), **fields)


def project(title=None, member_states=(), **fields):
    title = title or _unique("Project")
    fields.setdefault("status", Status.PUBLISHED)
    record = Project.objects.create(title=title, slug=slugify(title), **fields)
    record.member_states.set(member_states)
    return record


def theme(name):
    return Theme.objects.get_or_create(name=name, slug=slugify(name))[0]


def release(title=None, countries=(), contacts=(), themes=(), **fields):
    title = title or _unique("Release")
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("body", "First paragraph.\n\nSecond paragraph.")
    record = NewsRelease.objects.create(title=title, slug=slugify(title), **fields)
    record.countries.set(countries)
    record.themes.set(themes)
    for position, person in enumerate(contacts):
        ReleaseContact.objects.create(release=record, contact=person, position=position)
    return record


def translated_release(source, title, language="en", **fields):
    """`source`'s translation into `language`, linked to it (one translation group)."""
    return release(
        title,
        language=language,
        translation_key=source.translation_key,
        translated_from=source,
        **fields,
    )


def statement(title=None, **fields):
    title = title or _unique("Statement")
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("date", "2018-03-16")
    fields.setdefault("body", "IOM is committed to orderly migration.")
    return Statement.objects.create(title=title, slug=slugify(title), **fields)


def user_in(group_name, username=None):
    """A staff user whose only rights come from the named group."""
    user = User.objects.create_user(
        username=username or slugify(_unique(group_name)), password="pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
