"""From a parsed page to records: releases with contacts and offices, projects, statements."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.text import slugify

from iomcms.core.publishing import Status
from projects.models import Project, ProjectStatus, Region
from projects.services import countries_mentioned, match_countries, normalise

from ..models import Contact, NewsRelease, Office, Statement, Summit
from ..sourcetext.language import guess_language
from .syncing import sync

PROJECT_STATUSES = {
    ProjectStatus.COMPLETED: [
        "completed",
        "complete",
        "closed",
        "terminé",
        "termine",
        "finalizado",
        "concluido",
        "cerrado",
    ],
    ProjectStatus.ACTIVE: [
        "active",
        "ongoing",
        "in progress",
        "en cours",
        "en curso",
        "activo",
        "en ejecución",
        "en ejecucion",
    ],
    ProjectStatus.PIPELINE: ["pipeline", "pending", "planned", "en attente", "pendiente"],
    ProjectStatus.SUSPENDED: ["suspended", "suspendu", "suspendido"],
    ProjectStatus.CANCELLED: ["cancelled", "canceled", "annulé", "cancelado"],
}
SUMMIT_NAME = re.compile(r"\b([IVXLC]+ Summit)\b")
# IDF pages in French and Spanish name the regions in their own language.
REGION_NAMES = {
    normalise(alias): name
    for name, aliases in {
        "Latin America and the Caribbean": [
            "Latin America & the Caribbean",
            "Amérique latine et Caraïbes",
            "Amérique latine et les Caraïbes",
            "América Latina y el Caribe",
        ],
    }.items()
    for alias in aliases
}


@dataclass(frozen=True)
class Unresolved:
    """A value the page gives that the importer could not read (a country nobody knows, a
    year that is not one). It never replaces what a record holds: the field is left as it
    is and the value reported. A new record gets `partial`, what could be read, if any."""

    text: str
    reason: str
    partial: object = None


class Importer:
    """Applies parsed pages to the database for one run; remembers countries between files.

    Records the run creates are drafts unless `publish`; records that exist keep their
    publication state whatever the run says.
    """

    def __init__(self, *, overwrite=False, publish=False, country_index=None, read_at=None):
        self.overwrite = overwrite
        self.publish = publish
        self.country_index = country_index
        self.read_at = read_at  # when the file was read: later edits are never overwritten
        self.outcomes = []
        self.warnings = []

    def new_state(self, day=None):
        """Status and go-live time of a record this run creates. A dated page went live on
        its day; an undated draft gets its go-live time when it is published."""
        if not self.publish:
            return {"status": Status.DRAFT, "go_live_at": go_live(day) if day else None}
        return {"status": Status.PUBLISHED, "go_live_at": go_live(day)}

    def apply(self, page, source_key):
        handler = {"news": self.news, "project": self.project, "statements": self.statements}
        handler[page["kind"]](page, source_key)

    def sync(self, record, values):
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

    # News releases -------------------------------------------------------------------

    def news(self, page, source_key):
        contacts = [self.contact(entry) for entry in page["contacts"]]
        contacts = list(dict.fromkeys(contact for contact in contacts if contact))
        published_on = date.fromisoformat(page["date"]) if page["date"] else None
        release = NewsRelease.objects.filter(source_key=source_key).first() or NewsRelease(
            source_key=source_key,
            slug=unique_slug(NewsRelease, page["title"]),
            **self.new_state(published_on),
        )
        self.sync(
            release,
            {
                "title": page["title"],
                "location": page["location"] or "",
                "published_on": published_on,
                "body": "\n\n".join(page["paragraphs"]),
                "language": guess_language(" ".join([page["title"], *page["paragraphs"]])),
                "countries": self.release_countries(page, contacts),
                "contacts": contacts,
            },
        )

    def release_countries(self, page, contacts):
        """Countries a reader would file the release under: the dateline's, the title's,
        and those of the offices that speak for it."""
        found = countries_mentioned(
            " · ".join(filter(None, [page["location"], page["title"]])), self.country_index
        )
        for contact in contacts:
            country = contact.office.country if contact.office else None
            if country and country not in found:
                found.append(country)
        return found

    def contact(self, entry):
        name, email = (entry.get("name") or "").strip(), (entry.get("email") or "").strip()
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
            "phone": entry.get("phone") or "",
            "role": entry.get("role") or "",
            "office": self.office(entry.get("office")),
        }
        # A contact named on several pages keeps what one page says and another omits.
        values = {key: value for key, value in values.items() if value or record.pk is None}
        return self.sync(record, values)

    def office(self, name):
        name = (name or "").strip()
        if not name:
            return None
        office = Office.objects.select_related("country").filter(name__iexact=name).first()
        if office is None:
            countries = countries_mentioned(name, self.country_index)
            office = Office.objects.create(
                name=name,
                slug=unique_slug(Office, name),
                country=countries[0] if countries else None,
            )
        return office

    # Projects ------------------------------------------------------------------------

    def project(self, page, source_key):
        fields = page["project"]
        record = Project.objects.filter(source_key=source_key).first()
        if record is None and fields["project_code"]:
            record = Project.objects.filter(project_code=fields["project_code"]).first()
        record = record or Project(
            source_key=source_key, slug=unique_slug(Project, page["title"]), **self.new_state()
        )
        self.sync(
            record,
            {
                "title": page["title"],
                "description": "\n\n".join(page["paragraphs"]),
                "language": guess_language(" ".join([page["title"], *page["paragraphs"]])),
                "start_year": self.year(fields["start"]),
                "end_year": self.year(fields["end"]),
                "project_status": self.project_status(fields["status"]),
                "project_type": fields["type"] or "",
                "budget_usd": self.budget(fields["budget_usd"]),
                "coverage": fields["coverage"] or "",
                "funding_year": self.year(fields["year"]),
                "idf_region": self.region(fields["region"]),
                "prima_id": fields["prima_id"] or "",
                "project_code": fields["project_code"] or "",
                "member_states": self.member_states(fields["member_states"]),
            },
        )

    def member_states(self, names):
        states, unknown = match_countries(names, self.country_index)
        if not unknown:
            return states
        shown = ", ".join(repr(name) for name in unknown)
        return Unresolved(
            shown,
            f"{'is not a known country' if len(unknown) == 1 else 'are not known countries'} "
            "(add it, or give it as another name of a country, in the admin's Countries)",
            partial=states,
        )

    def year(self, text):
        if not text:
            return None
        match = re.search(r"\b(19[5-9]\d|20\d\d|2100)\b", text)
        if match is None:
            return Unresolved(repr(text), "holds no year")
        return int(match.group(1))

    def budget(self, text):
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is None or amount < 0:
            return Unresolved(repr(text), "is not an amount in USD")
        return amount

    def project_status(self, text):
        if not text:
            return ""
        wanted = text.strip().lower()
        for status, words in PROJECT_STATUSES.items():
            if wanted in words:
                return status
        return Unresolved(repr(text), "is not a known status", partial="")

    def region(self, name):
        if not name:
            return None
        name = REGION_NAMES.get(normalise(name), name.strip())
        region = Region.objects.filter(name__iexact=name).first()
        return region or Region.objects.create(name=name, slug=unique_slug(Region, name))

    # Statements ----------------------------------------------------------------------

    def statements(self, page, source_key):
        summit = self.summit(page["title"] or "")
        for index, entry in enumerate(page["statements"], start=1):
            day = date.fromisoformat(entry["date"]) if entry["date"] else None
            if day is None:
                self.warnings.append(f"statement {index} has no date; skipped")
                continue
            key = f"{source_key}#{day.isoformat()}"
            title = f"IOM statement of {day.day} {day:%B %Y}"
            record = Statement.objects.filter(source_key=key).first() or Statement(
                source_key=key,
                slug=unique_slug(Statement, f"iom-statement-{day.isoformat()}"),
                **self.new_state(day),
            )
            self.sync(
                record,
                {
                    "title": title,
                    "date": day,
                    "body": "\n\n".join(entry["paragraphs"]),
                    "language": guess_language(" ".join(entry["paragraphs"])),
                    "summit": summit,
                    "mandate_paragraphs": entry["paragraph_refs"] or "",
                    "summit_paragraphs": entry["summit"] or "",
                },
            )

    def summit(self, title):
        match = SUMMIT_NAME.search(title)
        if match is None:
            return None
        name = match.group(1)
        return Summit.objects.filter(name=name).first() or Summit.objects.create(
            name=name, slug=unique_slug(Summit, name)
        )


def set_aside_unresolved(record, values):
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


def go_live(day):
    """Imported pages were public on the day they carry; undated ones from now."""
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_fixed_timezone(0))


def unique_slug(model, text, limit=200):
    base = slugify(text)[:limit].strip("-") or model._meta.model_name
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
