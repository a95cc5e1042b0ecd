"""Translating a record: a draft in another language, in the source's translation group,
prefilled from the source (its text, its filing and relations) for an editor to translate.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from iomcms.core.publishing import Status
from iomcms.core.translations import Language

from .revisions import latest_version, record_versions

# What a new translation does not take from its source: it is a draft of its own, made
# here, never imported.
NOT_COPIED = {
    "go_live_at": None,
    "expires_at": None,
    "source_key": "",
    "source_values": {},
    "search_vector": None,
}


class TranslationRefused(ValueError):
    """A translation that cannot be made; the message says why."""


def missing_languages(record):
    """(code, label) of each language `record`'s group has no record in, in the site's
    order: one query."""
    present = set(
        type(record)
        ._default_manager.filter(translation_key=record.translation_key)
        .values_list("language", flat=True)
    )
    return [(code, label) for code, label in Language.choices if code not in present]


def translate(record, language, user=None):
    """A new draft of `record` in `language`, linked to it as its translation, with a
    version saying so. Refused when the group already has a record in that language."""
    if language not in Language.values:
        raise TranslationRefused(_("There is no language “%(code)s”.") % {"code": language})
    model = type(record)
    with transaction.atomic():
        source = model._default_manager.select_for_update().get(pk=record.pk)
        group = model._default_manager.filter(translation_key=source.translation_key)
        if group.filter(language=language).exists():
            raise TranslationRefused(
                _("“%(record)s” already has a version in %(language)s.")
                % {"record": source, "language": Language(language).label}
            )
        draft = model._default_manager.get(pk=source.pk)
        draft.pk = None
        draft._state.adding = True
        for name, value in NOT_COPIED.items():
            if hasattr(draft, name):
                setattr(draft, name, value)
        draft.status = Status.DRAFT
        draft.language = language
        draft.slug = translation_slug(model, source.slug, language)
        draft.translated_from = source
        draft.translated_from_at = source.updated_at
        version = latest_version(source)
        if version is None:
            # A source from before versions were kept: keep how it is now, so a change to it
            # can be compared with what was translated.
            record_versions([source], user, _("The record as it was when first translated."))
            version = latest_version(source)
        draft.translated_from_version = version.pk if version else None
        draft.save()
        copy_relations(source, draft)
        record_versions(
            [draft],
            user,
            _("Translated from “%(source)s” (%(language)s).")
            % {"source": source, "language": Language(source.language).label},
        )
    return draft


def translation_slug(model, slug, language):
    """`slug` with the language's code in place of the source's, unique among `model`'s."""
    max_length = model._meta.get_field("slug").max_length
    stem, _dash, last = slug.rpartition("-")
    base = stem if stem and last in Language.values else slug
    taken = set(
        model._default_manager.filter(slug__startswith=base[: max_length - 8]).values_list(
            "slug", flat=True
        )
    )
    number = 1
    while True:
        suffix = f"-{language}" if number == 1 else f"-{language}-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def copy_relations(source, target):
    """Link `target` to what `source` is linked to: countries, themes, member states, and
    the media contacts of a release in their order."""
    for field in type(source)._meta.many_to_many:
        through = field.remote_field.through
        if through._meta.auto_created:
            getattr(target, field.name).set(getattr(source, field.name).all())
            continue
        own = field.m2m_field_name()
        links = list(through._default_manager.filter(**{own: source}))
        for link in links:
            link.pk = None
            setattr(link, own, target)
        through._default_manager.bulk_create(links)
