"""The template engine of the public pages: Jinja2, with the few Django helpers they use.

Templates in each app's `jinja2/` folder are rendered here; the admin keeps Django's
template language. The filters named like Django's (date, linebreaks, pluralize, striptags,
truncatewords) call Django's own functions, so pages read as they did; `x or y` stands for
Django's `x|default:y`, Jinja2's `replace(" ", "")` for `cut:" "`.
"""

import datetime
import functools
import itertools
import json
import operator
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import jinja2
import jinja2.runtime
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, QueryDict
from django.template import Context, defaultfilters, defaulttags
from django.template.backends import jinja2 as jinja2_backend
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, ngettext, npgettext, pgettext
from jinja2.nodes import EvalContext

from iomcms.core import seo
from iomcms.core.cldr import language_name
from iomcms.core.teasers import teaser

from .languages import alternates, language_code, language_links


class Jinja2(jinja2_backend.Jinja2):
    """Django's Jinja2 backend, whose templates tell the test client what they rendered."""

    def from_string(self, template_code: str) -> "Template":
        return Template(self.env.from_string(template_code), self)

    def get_template(self, template_name: str) -> "Template":
        return Template(super().get_template(template_name).template, self)


class Template(jinja2_backend.Template):
    def __init__(self, template: jinja2.Template, backend: Jinja2) -> None:
        super().__init__(template, backend)
        self.name = template.name

    def render(
        self, context: dict[str, Any] | None = None, request: HttpRequest | None = None
    ) -> SafeString:
        context = {} if context is None else context
        html = super().render(context, request)
        # As Django's own templates do under test: the test client keeps the template and its
        # context for `response.templates` and `response.context`. Only Django's test tools
        # listen, so the site itself never imports them.
        test_signals = sys.modules.get("django.test.signals")
        if test_signals and test_signals.template_rendered.has_listeners():
            test_signals.template_rendered.send(
                sender=self, template=self, context=Context(context)
            )
        return html


def environment(**options: Any) -> jinja2.Environment:
    # Visible text is marked with {% trans %} or _() and read from the catalogues in
    # locale/ through Django's gettext, in the request's language; trans blocks are
    # trimmed, as Django's {% blocktranslate trimmed %}.
    options.setdefault("extensions", ["jinja2.ext.i18n"])
    env = jinja2.Environment(**options)
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        share_image=seo.SHARE_IMAGE,
        page_language=page_language,
        language_links=language_links,
        language_name=language_name,
        alternates=alternates,
        language_codes=[code for code, _name in settings.LANGUAGES],
    )
    env.filters.update(
        date=date,
        linebreaks=linebreaks,
        pluralize=defaultfilters.pluralize,
        striptags=defaultfilters.striptags,
        truncatewords=defaultfilters.truncatewords,
        regroup=regroup,
        jsonld=jsonld,
        usd=usd,
        teaser=teaser,
    )
    return env


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Django's {% url %}: url("newsroom:download", "csv")."""
    if args or kwargs:
        return reverse(name, args=args, kwargs=kwargs)
    return fixed_url(name, get_script_prefix(), get_language())


@functools.cache
def fixed_url(name: str, script_prefix: str, language: str | None) -> str:
    """A URL without arguments (the navigation's, the feeds'): the same for every request
    under one script prefix in one language, so reversed once per process and language."""
    return reverse(name)


@jinja2.pass_context
def querystring(
    context: jinja2.runtime.Context, query_dict: QueryDict | None = None, **kwargs: Any
) -> str:
    """Django's {% querystring %}: the request's GET parameters (or `query_dict`) with
    `kwargs` set, those set to None removed, as "?a=1&b=2"."""
    if query_dict is None:
        query_dict = context["request"].GET
    return defaulttags.querystring(None, query_dict, **kwargs)


def date(value: datetime.date | None, format: str | None = None) -> str:
    """Django's date filter, times shown in the current time zone as Django's templates do.
    A plain date reads the same in any time zone: its text is kept, per language (month
    names are translated), as a list page shows dozens and formatting each costs more than
    the rest of its item."""
    if type(value) is datetime.date:
        return format_date(value, format, get_language())
    return defaultfilters.date(template_localtime(value), format)


@functools.lru_cache(maxsize=10_000)
def format_date(value: datetime.date, format: str | None, language: str | None) -> str:
    """`language`, the active one, is part of the cache key: month names are translated."""
    return defaultfilters.date(value, format)


@jinja2.pass_eval_context
def linebreaks(eval_context: EvalContext, value: str) -> str:
    """Django's linebreaks filter: paragraphs and <br>s, the text escaped first."""
    return defaultfilters.linebreaks_filter(value, autoescape=eval_context.autoescape)


def regroup(items: Iterable[Any], attribute: str) -> list[defaulttags.GroupedResult]:
    """Django's {% regroup %}: runs of consecutive items with the same `attribute`, each a
    (grouper, list) pair, in the order given (Jinja2's groupby would sort them)."""
    key = operator.attrgetter(attribute)
    return [
        defaulttags.GroupedResult(grouper, list(group))
        for grouper, group in itertools.groupby(items, key)
    ]


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld(value: Any) -> SafeString:
    """`value` as a JSON-LD script element, safe to place in HTML."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def page_language() -> str:
    """The page's language as HTML writes it (lang="es")."""
    return language_code(get_language())


def usd(amount: Decimal | None) -> str:
    """A budget as visitors read it in their language: US$ 1,250,000 in English,
    US$ 1.250.000 in Spanish, 1 250 000 $ US in French (cents only when there are some)."""
    if amount is None:
        return "—"
    places = 0 if amount == amount.to_integral() else 2
    number = formats.number_format(amount, places, use_l10n=True, force_grouping=True)
    return gettext("US$ %(amount)s") % {"amount": number}
