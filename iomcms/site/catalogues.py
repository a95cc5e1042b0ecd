"""Reading marked text out of the Django templates (the admin's) for Babel, which reads
the Python and the Jinja2 templates itself: `make messages` gathers all three into one
catalogue per language (locale/babel.cfg)."""

import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python
from django.utils.translation.template import templatize


def extract_django(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel extraction method for a Django template: its {% translate %} and
    {% blocktranslate %} as the Python calls Django's makemessages makes of them."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    code = templatize(text).encode("utf-8")
    yield from extract_python(io.BytesIO(code), keywords, comment_tags, options)
