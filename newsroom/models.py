"""News releases, the media contacts and offices behind them, and institutional statements."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iomcms.core.fields import NormalisedTextField
from iomcms.core.naturalkeys import NaturalKeyManager, NaturalKeyMixin
from iomcms.core.publishing import Publishable, expiry_after_go_live, unique_source_key
from iomcms.core.reversing import slug_url
from iomcms.core.search import Searchable
from iomcms.core.translations import Translatable, unique_translation
from projects.models import Country

from .querysets import ContactManager, NewsReleaseQuerySet, StatementQuerySet


class Office(NaturalKeyMixin, models.Model):
    """An IOM office, e.g. "IOM Buenos Aires"."""

    NATURAL_KEY = "name"

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="offices",
        null=True,
        blank=True,
    )

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        permissions = [
            ("import_office", _("Can import offices from spreadsheets")),
            ("export_office", _("Can export offices to spreadsheets")),
        ]

    def __str__(self):
        return self.name


class Contact(Publishable):
    """A media contact named at the foot of releases."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    role = models.CharField(
        _("role"), max_length=150, blank=True, help_text=_("e.g. Media Officer.")
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="contacts",
        null=True,
        blank=True,
    )
    phone = models.CharField(
        _("phone"),
        max_length=60,
        blank=True,
        help_text=_("As it should be dialled from abroad, e.g. +54 11 4815 5194."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("One contact per address."))

    objects = ContactManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        permissions = [
            ("publish_contact", _("Can publish and unpublish contacts")),
            ("import_contact", _("Can import contacts from spreadsheets")),
            ("export_contact", _("Can export contacts to spreadsheets")),
        ]
        constraints = [
            unique_source_key("contact"),
            expiry_after_go_live("contact"),
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="contact_unique_email",
                violation_error_message=_("Another contact has this e-mail address."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.office})" if self.office_id else self.name

    def get_absolute_url(self):
        return reverse("newsroom:contacts") + f"#{self.slug}"


class Theme(NaturalKeyMixin, models.Model):
    """A subject releases are filed under, e.g. "Counter-trafficking"."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class NewsRelease(Publishable, Searchable, Translatable):
    SEARCH_WEIGHTS = {"A": ("title",), "B": ("summary", "location"), "C": ("body",)}

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    location = models.CharField(
        _("dateline location"),
        max_length=150,
        blank=True,
        help_text=_("Where the release is datelined, e.g. El Salvador or Geneva."),
    )
    published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("The date the release carries. Leave empty when the source does not say."),
    )
    summary = NormalisedTextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and search.")
    )
    body = NormalisedTextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="news_releases", blank=True
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="news_releases", blank=True
    )
    contacts = models.ManyToManyField(
        Contact,
        verbose_name=_("media contacts"),
        through="ReleaseContact",
        related_name="news_releases",
        blank=True,
    )

    objects = NewsReleaseQuerySet.as_manager()

    class Meta:
        # Newest first: by go-live time, which every published release has.
        ordering = ["-go_live_at", "-pk"]
        indexes = [models.Index(fields=["status", "-go_live_at"], name="newsrelease_live")]
        verbose_name = _("news release")
        verbose_name_plural = _("news releases")
        permissions = [
            ("publish_newsrelease", _("Can publish and unpublish news releases")),
            ("import_newsrelease", _("Can import news releases from spreadsheets")),
            ("export_newsrelease", _("Can export news releases to spreadsheets")),
        ]
        constraints = [
            unique_source_key("newsrelease"),
            expiry_after_go_live("newsrelease"),
            unique_translation("newsrelease"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("newsroom:detail", self.slug)

    def ordered_contacts(self):
        return [link.contact for link in self.contact_links.all()]


class ReleaseContactManager(models.Manager):
    def get_by_natural_key(self, release_slug, contact_slug):
        return self.get(release__slug=release_slug, contact__slug=contact_slug)


class ReleaseContact(models.Model):
    """A media contact named on a release, in the order the release lists them."""

    release = models.ForeignKey(
        NewsRelease, on_delete=models.CASCADE, related_name="contact_links"
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        on_delete=models.PROTECT,
        related_name="release_links",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ReleaseContactManager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "contact"], name="releasecontact_once_per_release"
            ),
        ]

    def __str__(self):
        return str(self.contact)

    def natural_key(self):
        return (self.release.slug, self.contact.slug)

    natural_key.dependencies = ["newsroom.newsrelease", "newsroom.contact"]


class Summit(NaturalKeyMixin, models.Model):
    """A Summit of the Americas whose mandates statements refer to."""

    NATURAL_KEY = "name"

    name = models.CharField(
        _("name"), max_length=150, unique=True, help_text=_("e.g. VII Summit.")
    )
    slug = models.SlugField(_("slug"), max_length=150, unique=True)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("summit")
        verbose_name_plural = _("summits")

    def __str__(self):
        return self.name


class Statement(Publishable, Searchable, Translatable):
    """A dated institutional statement on a summit's themes, as on the OAS Summits pages."""

    SEARCH_WEIGHTS = {"A": ("title",), "B": ("institution",), "C": ("body",)}

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    institution = models.CharField(
        _("institution"),
        max_length=200,
        default="International Organization for Migration (IOM)",
    )
    date = models.DateField(_("date"))
    body = NormalisedTextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
    summit = models.ForeignKey(
        Summit,
        verbose_name=_("summit"),
        on_delete=models.PROTECT,
        related_name="statements",
        null=True,
        blank=True,
        help_text=_("The summit whose mandates the statement reports on."),
    )
    mandate_paragraphs = models.CharField(
        _("mandate paragraphs"),
        max_length=200,
        blank=True,
        help_text=_("Mandate paragraphs the statement cites, e.g. 17 or 3, 5-7."),
    )
    summit_paragraphs = models.CharField(
        _("summit paragraphs"),
        max_length=200,
        blank=True,
        help_text=_("Paragraphs of the summit's own declaration the statement cites."),
    )

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["status", "-date"], name="statement_live")]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        permissions = [
            ("publish_statement", _("Can publish and unpublish statements")),
            ("import_statement", _("Can import statements from spreadsheets")),
            ("export_statement", _("Can export statements to spreadsheets")),
        ]
        constraints = [
            unique_source_key("statement"),
            expiry_after_go_live("statement"),
            unique_translation("statement"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("newsroom:statement", self.slug)
