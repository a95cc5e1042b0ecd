import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(value):
    """`value` as a JSON-LD script element, safe to place in HTML."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def usd(amount):
    """A budget as visitors read it: US$ 1,250,000 (cents only when there are some)."""
    if amount is None:
        return "—"
    places = 0 if amount == amount.to_integral() else 2
    return f"US$ {amount:,.{places}f}"
