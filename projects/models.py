"""Where IOM works and what it funds there: regions, countries and IDF projects."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from iomcms.core.cldr import territory_name
from iomcms.core.fields import NormalisedTextField
from iomcms.core.naturalkeys import NaturalKeyManager, NaturalKeyMixin
from iomcms.core.publishing import Publishable, expiry_after_go_live, unique_source_key
from iomcms.core.reversing import slug_url
from iomcms.core.search import Searchable
from iomcms.core.translations import Translatable, unique_translation

from .querysets import ProjectQuerySet

YEAR_VALIDATORS = [MinValueValidator(1951), MaxValueValidator(2100)]


class Region(NaturalKeyMixin, models.Model):
    """A region as IOM's Development Fund (IDF) names it."""

    NATURAL_KEY = "name"

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


def local_country_name(iso_code, name):
    """The name of the country `iso_code` in the page's language; `name`, as the editors
    typed it, is the English one."""
    if get_language() == "en" or not iso_code:
        return name
    return territory_name(iso_code) or name


def country_choices(countries):
    """(slug, name) of `countries` for a list's country facet, each name read in the page's
    language when shown: the facet index keeps its choices for every language."""
    rows = countries.values_list("slug", "iso_code", "name")
    return [(slug, lazy(local_country_name, str)(iso, name)) for slug, iso, name in rows]


class Country(NaturalKeyMixin, models.Model):
    NATURAL_KEY = "iso_code"

    name = models.CharField(_("name"), max_length=100, unique=True)
    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. AR."))],
        help_text=_("ISO 3166-1 alpha-2 code, e.g. AR for Argentina."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="countries",
        null=True,
        blank=True,
    )

    other_names = NormalisedTextField(
        _("other names"),
        blank=True,
        help_text=_(
            "Other names source texts and spreadsheets give the country, one a line. "
            "Renaming the country adds its former name here, so imports still find it."
        ),
    )

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        permissions = [
            ("import_country", _("Can import countries from spreadsheets")),
            ("export_country", _("Can export countries to spreadsheets")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(iso_code__regex=r"^[A-Z]{2}$"),
                name="country_iso_code_two_capitals",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A renamed country keeps answering to the name pages and files already use.
        former = getattr(self, "_stored_name", None)
        if former and former != self.name and former not in self.known_names():
            self.other_names = "\n".join(filter(None, [self.other_names, former]))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "other_names"}
        super().save(*args, **kwargs)
        self._stored_name = self.name

    def get_absolute_url(self):
        return slug_url("site:country", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        country = super().from_db(db, field_names, values)
        country._stored_name = country.__dict__.get("name")
        return country

    @property
    def local_name(self):
        """The name a visitor reads, in the page's language: what the editors typed on
        English pages, CLDR's name for the ISO code elsewhere (that name when CLDR has
        none)."""
        return local_country_name(self.iso_code, self.name)

    def known_names(self):
        """The display name and the other names, as written."""
        return [self.name, *filter(None, self.other_names.splitlines())]


class ProjectStatus(models.TextChoices):
    PIPELINE = "pipeline", _("Pipeline")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


STATUS_LABELS = dict(ProjectStatus.choices)


class Project(Publishable, Searchable, Translatable):
    """A project page of the IOM Development Fund, every labelled field kept."""

    SEARCH_WEIGHTS = {
        "A": ("title",),
        "B": ("project_code", "prima_id", "project_type"),
        "C": ("description",),
    }

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    description = NormalisedTextField(
        _("description"), blank=True, help_text=_("Paragraphs separated by a blank line.")
    )
    start_year = models.PositiveSmallIntegerField(
        _("start"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Year the project starts; the IDF gives years, not days."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Year the project ends; not before the start."),
    )
    project_status = models.CharField(
        _("project status"),
        max_length=20,
        choices=ProjectStatus.choices,
        blank=True,
    )
    project_type = models.CharField(
        _("project type"),
        max_length=150,
        blank=True,
        help_text=_("As the IDF names it, e.g. Migration Policy Activities."),
    )
    budget_usd = models.DecimalField(
        _("budget (USD)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Budget amount in US dollars."),
    )
    coverage = models.CharField(
        _("coverage"), max_length=100, blank=True, help_text=_("e.g. National, Regional.")
    )
    funding_year = models.PositiveSmallIntegerField(
        _("funding year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_('The year the IDF funded the project (the page\'s "Year").'),
    )
    idf_region = models.ForeignKey(
        Region,
        verbose_name=_("IDF region"),
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
    )
    prima_id = models.CharField(
        _("Prima ID"),
        max_length=50,
        blank=True,
        help_text=_("IOM's PRIMA identifier, e.g. AR10P0514."),
    )
    project_code = models.CharField(
        _("Projects ID"),
        max_length=50,
        blank=True,
        help_text=_("The project code, e.g. PO.0181."),
    )
    member_states = models.ManyToManyField(
        Country,
        verbose_name=_("benefiting member states"),
        related_name="projects",
        blank=True,
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "title"]
        # The public list's order, so its first page and the search's newest matches are
        # read from an index rather than sorted.
        indexes = [models.Index(fields=["status", "-start_year", "title"], name="project_live")]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [
            ("publish_project", _("Can publish and unpublish projects")),
            ("import_project", _("Can import projects from spreadsheets")),
            ("export_project", _("Can export projects to spreadsheets")),
        ]
        constraints = [
            unique_source_key("project"),
            expiry_after_go_live("project"),
            unique_translation("project"),
            # A project's translations share its Projects ID and Prima ID: one record a
            # language has each.
            models.UniqueConstraint(
                fields=["project_code", "language"],
                condition=~Q(project_code=""),
                name="project_unique_project_code_language",
                violation_error_message=_(
                    "Another project has this Projects ID in this language."
                ),
            ),
            models.UniqueConstraint(
                fields=["prima_id", "language"],
                condition=~Q(prima_id=""),
                name="project_unique_prima_id_language",
                violation_error_message=_("Another project has this Prima ID in this language."),
            ),
            models.CheckConstraint(
                condition=Q(budget_usd__isnull=True) | Q(budget_usd__gte=0),
                name="project_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="project_end_not_before_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("projects:detail", self.slug)

    @property
    def status_label(self):
        """get_project_status_display(), without building the choices again for each
        project of a list."""
        return STATUS_LABELS.get(self.project_status, self.project_status)
