import random
import time
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from iomcms.core.bulk import append, insert
from iomcms.core.publishing import Status, content_changed
from iomcms.core.search import merge_search_indexes
from newsroom.models import Contact, NewsRelease, Office, ReleaseContact, Theme
from projects.models import Country, Project, ProjectStatus, Region

THEMES = [
    "Counter-trafficking",
    "Labour migration",
    "Migrant children",
    "Climate and migration",
    "Migration health",
    "Border management",
    "Emergencies",
    "Return and reintegration",
    "Diaspora",
    "Migration governance",
    "Data and research",
    "Regular pathways",
]
SUBJECTS = [
    "IOM",
    "The Government",
    "Local authorities",
    "Civil society partners",
    "The Ministry",
    "Community leaders",
    "UN agencies",
    "Regional bodies",
    "Host communities",
    "Migrants",
]
VERBS = [
    "strengthens",
    "launches",
    "supports",
    "expands",
    "reviews",
    "trains",
    "assists",
    "coordinates",
    "documents",
    "welcomes",
]
OBJECTS = [
    "protection for migrant children",
    "labour mobility schemes",
    "border data systems",
    "health services for migrants",
    "counter-trafficking networks",
    "reintegration support",
    "regular migration pathways",
    "shelter capacity",
    "local migration governance",
    "emergency response",
    "access to documentation",
    "livelihoods in host communities",
]
WORDS = [
    "migration",
    "migrants",
    "government",
    "partners",
    "regional",
    "national",
    "protection",
    "assistance",
    "communities",
    "programme",
    "support",
    "training",
    "data",
    "policy",
    "health",
    "labour",
    "children",
    "families",
    "border",
    "return",
    "integration",
    "rights",
    "services",
    "capacity",
    "cooperation",
    "response",
    "emergency",
    "displacement",
    "community",
    "development",
    "governance",
    "local",
    "authorities",
]
PARAGRAPH_POOL = 4000
BATCH = 2000


class Command(BaseCommand):
    help = (
        "Fill the database with realistic, deterministic demo content: offices, contacts, "
        "themes, news releases with 5-8 paragraph bodies, and projects. The same --seed gives "
        "the same content. For benchmarks; never run it on a production database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--news", type=int, default=1000, help="Releases to create.")
        parser.add_argument("--projects", type=int, default=200, help="Projects to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed.")

    def handle(self, *args: Any, news: int, projects: int, seed: int, **options: Any) -> None:
        if news < 0 or projects < 0:
            raise CommandError("--news and --projects must be zero or more.")
        if NewsRelease.objects.filter(slug__startswith="demo-").exists():
            raise CommandError(
                "This database already holds demo content; use a fresh database "
                "(demo slugs start with 'demo-')."
            )
        self.random = random.Random(seed)
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        with transaction.atomic():
            countries = list(Country.objects.order_by("iso_code"))
            themes = self.themes()
            contacts = self.contacts(countries)
            self.paragraphs = [self.paragraph() for _ in range(PARAGRAPH_POOL)]
            self.releases(news, countries, themes, contacts)
            self.projects(projects, countries)
        content_changed()
        # Fresh statistics, so the query planner knows the tables' new sizes; on PostgreSQL
        # also the search indexes' pending entries merged, which every search would
        # otherwise read one by one (bench/RESULTS.md). VACUUM cannot run inside a
        # transaction.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        merge_search_indexes()
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {news} releases and {projects} projects in "
                f"{time.monotonic() - started:.1f} s."
            )
        )

    def progress(self, label: str, done: int, total: int) -> None:
        if self.verbosity and (done == total or done % (BATCH * 5) == 0):
            self.stdout.write(f"  {label}: {done}/{total}")

    def themes(self) -> list[Theme]:
        for name in THEMES:
            Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        return list(Theme.objects.order_by("slug"))

    def contacts(self, countries: Sequence[Country]) -> list[Contact]:
        offices = [
            Office.objects.get_or_create(
                name=f"IOM {country.name}",
                defaults={"slug": f"iom-{country.slug}", "country": country},
            )[0]
            for country in countries
        ]
        people = []
        for number in range(len(offices) * 3):
            office = offices[number % len(offices)]
            name = f"Demo Contact {number + 1}"
            people.append(
                Contact(
                    name=name,
                    slug=f"demo-{slugify(name)}",
                    office=office,
                    role=self.random.choice(
                        ["Media Officer", "Communications Assistant", "Spokesperson"]
                    ),
                    phone=f"+{self.random.randint(1, 599)} {self.random.randint(1000, 9999)} "
                    f"{self.random.randint(1000, 9999)}",
                    email=f"demo.contact{number + 1}@iom.int",
                    status=Status.PUBLISHED,
                )
            )
        return Contact.objects.bulk_create(people)

    def paragraph(self) -> str:
        sentences = []
        for _ in range(self.random.randint(3, 5)):
            words = self.random.choices(WORDS, k=self.random.randint(12, 22))
            sentences.append(" ".join(words).capitalize() + ".")
        return " ".join(sentences)

    def releases(
        self,
        total: int,
        countries: Sequence[Country],
        themes: Sequence[Theme],
        contacts: Sequence[Contact],
    ) -> None:
        latin = [country for country in countries if country.region_id] or countries
        start = date(2000, 1, 1)
        span = (date(2026, 10, 31) - start).days
        for first in range(0, total, BATCH):
            batch = []
            for number in range(first, min(first + BATCH, total)):
                country = self.random.choice(latin)
                title = (
                    f"{self.random.choice(SUBJECTS)} {self.random.choice(VERBS)} "
                    f"{self.random.choice(OBJECTS)} in {country.name}"
                )
                day = start + timedelta(days=self.random.randrange(span))
                batch.append(
                    NewsRelease(
                        title=title,
                        slug=f"demo-{number + 1}-{slugify(title)[:80]}",
                        location=country.name,
                        published_on=day,
                        body="\n\n".join(
                            self.random.sample(self.paragraphs, self.random.randint(5, 8))
                        ),
                        status=Status.PUBLISHED if self.random.random() > 0.02 else Status.DRAFT,
                        go_live_at=timezone.make_aware(datetime.combine(day, datetime.min.time())),
                    )
                )
                batch[-1].demo_country = country
            created = insert(NewsRelease, batch)
            self.links(created, countries, themes, contacts)
            self.progress("releases", first + len(batch), total)

    def links(
        self,
        releases: Iterable[NewsRelease],
        countries: Sequence[Country],
        themes: Sequence[Theme],
        contacts: Sequence[Contact],
    ) -> None:
        country_links, theme_links, contact_links = [], [], []
        for release in releases:
            chosen = {
                release.demo_country,
                *self.random.sample(countries, self.random.randint(0, 1)),
            }
            country_links += [(release.pk, country.pk) for country in chosen]
            theme_links += [
                (release.pk, theme.pk)
                for theme in self.random.sample(themes, self.random.randint(1, 2))
            ]
            contact_links += [
                (release.pk, contact.pk, position)
                for position, contact in enumerate(
                    self.random.sample(contacts, self.random.randint(1, 2))
                )
            ]
        append(NewsRelease.countries.through, ("newsrelease", "country"), country_links)
        append(NewsRelease.themes.through, ("newsrelease", "theme"), theme_links)
        append(ReleaseContact, ("release", "contact", "position"), contact_links)

    def projects(self, total: int, countries: Sequence[Country]) -> None:
        regions = list(Region.objects.order_by("name"))
        statuses = [ProjectStatus.ACTIVE, ProjectStatus.COMPLETED, ProjectStatus.PIPELINE]
        kinds = [
            "Migration Policy Activities",
            "Labour Mobility",
            "Border Management",
            "Counter-trafficking",
            "Migration and Development",
        ]
        batch = []
        for number in range(total):
            country = self.random.choice(countries)
            start_year = self.random.randint(2005, 2026)
            title = f"{country.name}: {self.random.choice(OBJECTS).capitalize()} {number + 1}"
            batch.append(
                Project(
                    title=title,
                    slug=f"demo-{number + 1}-{slugify(title)[:80]}",
                    description="\n\n".join(self.random.sample(self.paragraphs, 4)),
                    start_year=start_year,
                    end_year=start_year + self.random.randint(0, 4),
                    project_status=self.random.choice(statuses),
                    project_type=self.random.choice(kinds),
                    budget_usd=Decimal(self.random.randrange(50, 3000) * 1000),
                    coverage=self.random.choice(["National", "Regional", "Global"]),
                    funding_year=start_year - 1,
                    idf_region=country.region or self.random.choice(regions),
                    prima_id=f"DM{number + 1:06d}",
                    project_code=f"DM.{number + 1:05d}",
                    status=Status.PUBLISHED,
                )
            )
            batch[-1].demo_country = country
        created = insert(Project, batch, batch_size=BATCH)
        append(
            Project.member_states.through,
            ("project", "country"),
            [(project.pk, project.demo_country.pk) for project in created],
        )
        self.progress("projects", total, total)
