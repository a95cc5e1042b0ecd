"""What search engines and link previews read: structured data and absolute links."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Image:
    path: str  # under the static files
    width: int
    height: int
    alt: str | Promise  # in the page's language


# What a link to any page shows on social sites: a PNG (they ignore SVG) of the size they
# ask for, made from the logo (iomcms/site/static/img/iom-share.png).
SHARE_IMAGE = Image(
    "img/iom-share.png",
    1200,
    630,
    _("IOM, the UN Migration agency, in Latin America and the Caribbean"),
)
ORGANIZATION_NAME = "International Organization for Migration (IOM)"
ORGANIZATION_URL = "https://www.iom.int/"


def organization(request: HttpRequest) -> dict[str, Any]:
    """schema.org Organization: IOM, who writes and publishes every page here."""
    return {
        "@type": "Organization",
        "name": ORGANIZATION_NAME,
        "url": ORGANIZATION_URL,
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(SHARE_IMAGE.path)),
            "width": SHARE_IMAGE.width,
            "height": SHARE_IMAGE.height,
        },
    }
