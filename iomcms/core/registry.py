"""What each content app brings to the shared site, registered from its own `apps.py`.

An app calls `register_app()` and `register()` in its `AppConfig.ready()`, the way
django-reversion has `register()`; the shared modules read what was registered here and
never name an app. A new content app is then added without editing them:

- every model of a registered app is content: saving or deleting one makes cached pages
  stale;
- a registered model keeps versions (with the relations it follows), can be previewed on
  its public page under a "draft" banner, has a section in the sitemap of a site whose
  URLs include the app's (its URL namespace is its label), and a group of the site's
  search results;
- a spreadsheet resource registered with `register_spreadsheet()` can be imported and
  exported by name from the command line.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import reversion
from django.apps import AppConfig
from django.contrib.sitemaps import Sitemap
from django.db.models import Model
from django.urls import get_resolver, get_urlconf

# Derived from other fields, so a version never stores it.
NOT_VERSIONED = ("search_vector",)


@dataclass(frozen=True)
class ContentApp:
    label: str
    # URL names of the app's list pages, for the sitemap.
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Search:
    """A group of the site's search results: published records of a model matching the
    words, the best first."""

    heading: str
    # Groups are shown in this order, lowest first.
    order: int
    # The text an excerpt of a hit is drawn from, beside the title.
    field: str = ""
    # Finds the hits itself, as `find(text, limit) -> (hits, total)`, instead of the
    # full-text index (contacts are few and short, and are matched in memory).
    find: Callable[[str, int], tuple[list, int]] | None = None


@dataclass(frozen=True)
class ContentModel:
    model: type[Model]
    # Relations kept in each version of a record (e.g. its ordered links to other records).
    follow: tuple[str, ...] = ()
    # The public page's DetailView (it has a `records()` method), or a template showing the
    # record as a card (its context names it by model name); a preview renders either.
    preview_view: type | None = None
    preview_template: str | None = None
    # The sitemap section (name, Sitemap class) listing its published records.
    sitemap: tuple[str, type[Sitemap]] | None = None
    search: Search | None = None

    @property
    def previewable(self) -> bool:
        return self.preview_view is not None or self.preview_template is not None


@dataclass
class Registry:
    content_apps: dict[str, ContentApp] = field(default_factory=dict)
    content_models: dict[type, ContentModel] = field(default_factory=dict)
    # Spreadsheet resources by name, in the order an import of everything follows.
    spreadsheets: dict[str, type] = field(default_factory=dict)


registry = Registry()


def register_app(app_config: AppConfig, *, pages: Iterable[str] = ()) -> None:
    """Make every model of `app_config` content, and list `pages` in the sitemap."""
    registry.content_apps[app_config.label] = ContentApp(app_config.label, tuple(pages))


def register(
    model: type[Model],
    *,
    follow: Iterable[str] = (),
    preview_view: type | None = None,
    preview_template: str | None = None,
    sitemap: tuple[str, type[Sitemap]] | None = None,
    search: Search | None = None,
) -> None:
    """Keep versions of `model` (with the relations in `follow`), preview it with
    `preview_view` or `preview_template`, list it in the sitemap as `sitemap`, a
    (section name, Sitemap class) pair, and in search results as `search`."""
    entry = ContentModel(model, tuple(follow), preview_view, preview_template, sitemap, search)
    registry.content_models[model] = entry
    reversion.register(model, exclude=NOT_VERSIONED, follow=entry.follow)
    for name in entry.follow:
        related = model._meta.get_field(name).related_model
        if not reversion.is_registered(related):
            reversion.register(related)


def register_spreadsheet(name: str, resource: type) -> None:
    """Let `manage.py import_spreadsheet NAME` and `export_spreadsheet NAME` read and
    write `resource` (a django-import-export resource). Register a resource after those
    whose records its rows refer to."""
    registry.spreadsheets[name] = resource


def spreadsheets() -> dict[str, type]:
    """The registered spreadsheet resources by name, referred-to ones first."""
    return dict(registry.spreadsheets)


def searches() -> list[tuple[type[Model], Search]]:
    """The models listed in search results, with how, in the order they are shown: those
    whose pages are routed (a hit links to its page)."""
    found = [
        (entry.model, entry.search)
        for entry in registry.content_models.values()
        if entry.search is not None and routed(entry.model._meta.app_label)
    ]
    return sorted(found, key=lambda item: item[1].order)


def is_content(model: type[Model]) -> bool:
    """Whether a change to a record of `model` changes what the site shows."""
    return model._meta.app_label in registry.content_apps or model in registry.content_models


def entry_for(model: type[Model] | None) -> ContentModel | None:
    """The registration of `model`, or None."""
    return registry.content_models.get(model)


def routed(app_label: str) -> bool:
    """Whether the URLs in use route the app's pages (its URL namespace is its label)."""
    return app_label in get_resolver(get_urlconf()).app_dict


def sitemap_pages() -> list[str]:
    """URL names of the list pages of every content app whose pages are routed."""
    return [
        name for app in registry.content_apps.values() if routed(app.label) for name in app.pages
    ]


def sitemaps() -> dict[str, type[Sitemap]]:
    """Sitemap sections of the registered models whose pages are routed, by name."""
    return {
        entry.sitemap[0]: entry.sitemap[1]
        for entry in registry.content_models.values()
        if entry.sitemap is not None and routed(entry.model._meta.app_label)
    }
