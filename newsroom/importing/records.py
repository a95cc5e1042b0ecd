"""From a parsed page to records: releases with contacts and offices, projects, statements.

The parser has read every value (dates, years, amounts, statuses, languages, countries);
the importer maps them onto records and reports what could not be read.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from iomcms.core.publishing import Status
from projects.models import Country, Project, ProjectStatus, Region

from ..models import Contact, NewsRelease, Office, Statement, Summit
from ..sourcetext import Contact as ParsedContact
from ..sourcetext import CountryNames, ParsedPage, Reading, StatementEntry
from ..sourcetext import ProjectStatus as ParsedStatus
from .syncing import Outcome, sync

T = TypeVar("T")


@dataclass(frozen=True)
class Unresolved:
    """A value the page gives that could not be read (a country nobody knows, a year
    that is not one). It never replaces what a record holds: the field is left as it
    is and the value reported. A new record gets `partial`, what could be read, if any."""

    text: str
    reason: str
    partial: object = None


class Importer:
    """Applies parsed pages to the database for one run.

    `countries` maps the keys of the country index the pages were parsed against (ISO
    codes) to countries. Records the run creates are drafts unless `publish`; records that
    exist keep their publication state whatever the run says.
    """

    def __init__(
        self,
        *,
        overwrite: bool = False,
        publish: bool = False,
        countries: Mapping[str, Country] | None = None,
        read_at: datetime | None = None,
    ) -> None:
        self.overwrite = overwrite
        self.publish = publish
        self.countries = countries or {}
        self.read_at = read_at  # when the file was read: later edits are never overwritten
        self.outcomes: list[Outcome] = []
        self.warnings: list[str] = []

    def new_state(self, day: date | None = None) -> dict[str, Any]:
        """Status and go-live time of a record this run creates. A dated page went live on
        its day; an undated draft gets its go-live time when it is published."""
        if not self.publish:
            return {"status": Status.DRAFT, "go_live_at": go_live(day) if day else None}
        return {"status": Status.PUBLISHED, "go_live_at": go_live(day)}

    def apply(self, page: ParsedPage, source_key: str) -> None:
        """Create or update the records `page` describes, keyed by `source_key`."""
        if page.kind == "news":
            self.news(page, source_key)
        elif page.kind == "project":
            self.project(page, source_key)
        elif page.kind == "statements":
            self.statements(page, source_key)
        else:
            raise ValueError(f"{page.source}: a page of kind {page.kind!r} makes no records")

    def sync(self, record: models.Model, values: dict[str, Any]) -> models.Model:
        overwrite = self.overwrite
        if overwrite and self.read_at and record.pk and record.updated_at > self.read_at:
            overwrite = False
            self.warnings.append(
                f"{record._meta.verbose_name} “{record}” was edited after the file was read; "
                "the editor's values were kept"
            )
        values, unresolved = set_aside_unresolved(record, values)
        outcome = sync(record, values, overwrite=overwrite)
        outcome.unresolved = unresolved
        self.outcomes.append(outcome)
        return outcome.record

    def country_list(self, keys: list[str]) -> list[Country]:
        return [self.countries[key] for key in keys if key in self.countries]

    # News releases -------------------------------------------------------------------

    def news(self, page: ParsedPage, source_key: str) -> None:
        title = page.title or ""
        named = (self.contact(entry) for entry in page.contacts)
        contacts = list(dict.fromkeys(contact for contact in named if contact))
        release = NewsRelease.objects.filter(source_key=source_key).first() or NewsRelease(
            source_key=source_key,
            slug=unique_slug(NewsRelease, title),
            **self.new_state(page.date),
        )
        self.sync(
            release,
            {
                "title": title,
                "location": page.location or "",
                "published_on": page.date,
                "body": "\n\n".join(page.paragraphs),
                "language": page.language,
                "countries": self.release_countries(page, contacts),
                "contacts": contacts,
            },
        )

    def release_countries(self, page: ParsedPage, contacts: list[Contact]) -> list[Country]:
        """Countries a reader would file the release under: the dateline's, the title's,
        and those of the offices that speak for it."""
        found = self.country_list(page.countries)
        for contact in contacts:
            country = contact.office.country if contact.office else None
            if country and country not in found:
                found.append(country)
        return found

    def contact(self, entry: ParsedContact) -> Contact | None:
        name, email = (entry.name or "").strip(), (entry.email or "").strip()
        if not name and not email:
            return None
        record = None
        contacts = Contact.objects.select_related("office__country")
        if email:
            record = contacts.filter(email__iexact=email).first()
        if record is None and name:
            record = contacts.filter(name__iexact=name, email__in=["", email]).first()
        if record is None:
            record = Contact(
                name=name or email,
                slug=unique_slug(Contact, name or email.split("@")[0]),
                source_key=f"contact:{(email or slugify(name)).lower()}",
                **self.new_state(),
            )
        values = {
            "name": name or record.name,
            "email": email,
            "phone": entry.phone or "",
            "role": entry.role or "",
            "office": self.office(entry),
        }
        # A contact named on several pages keeps what one page says and another omits.
        values = {key: value for key, value in values.items() if value or record.pk is None}
        return self.sync(record, values)

    def office(self, entry: ParsedContact) -> Office | None:
        name = (entry.office or "").strip()
        if not name:
            return None
        office = Office.objects.select_related("country").filter(name__iexact=name).first()
        if office is None:
            office = Office.objects.create(
                name=name,
                slug=unique_slug(Office, name),
                country=self.countries.get(entry.office_country or ""),
            )
        return office

    # Projects ------------------------------------------------------------------------

    def project(self, page: ParsedPage, source_key: str) -> None:
        fields = page.project
        if fields is None:
            raise ValueError(f"{page.source}: a project page without project fields")
        title = page.title or ""
        record = Project.objects.filter(source_key=source_key).first()
        if record is None and fields.project_code:
            record = Project.objects.filter(project_code=fields.project_code).first()
        record = record or Project(
            source_key=source_key, slug=unique_slug(Project, title), **self.new_state()
        )
        self.sync(
            record,
            {
                "title": title,
                "description": "\n\n".join(page.paragraphs),
                "language": page.language,
                "start_year": read(fields.start, "holds no year"),
                "end_year": read(fields.end, "holds no year"),
                "project_status": project_status(fields.status),
                "project_type": fields.type or "",
                "budget_usd": read(fields.budget_usd, "is not an amount in USD"),
                "coverage": fields.coverage or "",
                "funding_year": read(fields.year, "holds no year"),
                "idf_region": self.region(fields.region),
                "prima_id": fields.prima_id or "",
                "project_code": fields.project_code or "",
                "member_states": self.member_states(fields.member_states),
            },
        )

    def member_states(self, states: CountryNames) -> list[Country] | Unresolved:
        found = self.country_list(states.keys)
        if not states.unknown:
            return found
        shown = ", ".join(repr(name) for name in states.unknown)
        unknown = (
            "is not a known country" if len(states.unknown) == 1 else "are not known countries"
        )
        hint = "(add it, or give it as another name of a country, in the admin's Countries)"
        return Unresolved(shown, f"{unknown} {hint}", partial=found)

    def region(self, reading: Reading[str] | None) -> Region | None:
        name = reading.value if reading else None
        if not name:
            return None
        region = Region.objects.filter(name__iexact=name).first()
        return region or Region.objects.create(name=name, slug=unique_slug(Region, name))

    # Statements ----------------------------------------------------------------------

    def statements(self, page: ParsedPage, source_key: str) -> None:
        summit = self.summit(page.summit)
        for index, entry in enumerate(page.statements, start=1):
            if entry.date is None:
                self.warnings.append(f"statement {index} has no date; skipped")
                continue
            self.statement(entry, entry.date, summit, source_key)

    def statement(
        self, entry: StatementEntry, day: date, summit: Summit | None, source_key: str
    ) -> None:
        key = f"{source_key}#{day.isoformat()}"
        record = Statement.objects.filter(source_key=key).first() or Statement(
            source_key=key,
            slug=unique_slug(Statement, f"iom-statement-{day.isoformat()}"),
            **self.new_state(day),
        )
        self.sync(
            record,
            {
                "title": f"IOM statement of {day.day} {day:%B %Y}",
                "date": day,
                "body": "\n\n".join(entry.paragraphs),
                "language": entry.language,
                "summit": summit,
                "mandate_paragraphs": entry.paragraph_refs or "",
                "summit_paragraphs": entry.summit or "",
            },
        )

    def summit(self, name: str | None) -> Summit | None:
        if name is None:
            return None
        return Summit.objects.filter(name=name).first() or Summit.objects.create(
            name=name, slug=unique_slug(Summit, name)
        )


def read(reading: Reading[T] | None, reason: str, partial: Any = None) -> T | Unresolved | None:
    """What the page says for a field: nothing, the value read, or the text that could not
    be read (with `reason` for the report)."""
    if reading is None:
        return None
    if reading.unreadable:
        return Unresolved(repr(reading.text), reason, partial=partial)
    return reading.value


def project_status(reading: Reading[ParsedStatus] | None) -> ProjectStatus | str | Unresolved:
    """The project's status; blank when the page gives none."""
    status = read(reading, "is not a known status", partial="")
    if status is None:
        return ""
    return ProjectStatus(status) if isinstance(status, ParsedStatus) else status


def set_aside_unresolved(
    record: models.Model, values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Unresolved]]:
    """`values` without the unresolved ones, which leave a saved record's fields as they
    are; a new record takes what could be read of them. Return them too, by field name."""
    unresolved = {name: value for name, value in values.items() if isinstance(value, Unresolved)}
    kept = {name: value for name, value in values.items() if name not in unresolved}
    if record.pk is None:
        kept.update(
            (name, value.partial)
            for name, value in unresolved.items()
            if value.partial is not None
        )
    return kept, unresolved


def go_live(day: date | None) -> datetime:
    """Imported pages were public on the day they carry; undated ones from now."""
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_fixed_timezone(0))


def unique_slug(model: type[models.Model], text: str, limit: int = 200) -> str:
    """A slug made from `text` that no `model` record has yet."""
    base = slugify(text)[:limit].strip("-") or model._meta.model_name
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
