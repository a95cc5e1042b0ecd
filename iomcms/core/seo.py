"""What search engines and link previews read: structured data and absolute links."""

from dataclasses import dataclass

from django.templatetags.static import static


@dataclass(frozen=True)
class Image:
    path: str  # under the static files
    width: int
    height: int
    alt: str


# What a link to any page shows on social sites: a PNG (they ignore SVG) of the size they
# ask for, made from the logo (iomcms/site/static/img/iom-share.png).
SHARE_IMAGE = Image(
    "img/iom-share.png",
    1200,
    630,
    "IOM, the UN Migration agency, in Latin America and the Caribbean",
)
ORGANIZATION_NAME = "International Organization for Migration (IOM)"
ORGANIZATION_URL = "https://www.iom.int/"


def organization(request):
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


def release_structured_data(release, countries, request):
    """schema.org NewsArticle for a release about `countries`. Its publication date is the
    one the release states, else when it went live on this site (as its page says)."""
    url = request.build_absolute_uri(release.get_absolute_url())
    published = release.published_on or release.go_live_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": release.language,
        "articleBody": release.body,
        "dateModified": release.updated_at.isoformat(),
        "image": [request.build_absolute_uri(static(SHARE_IMAGE.path))],
        "author": organization(request),
        "publisher": organization(request),
    }
    if published:
        data["datePublished"] = published.isoformat()
    if release.location:
        data["dateline"] = release.location
    if countries:
        data["contentLocation"] = [
            {"@type": "Place", "name": country.name} for country in countries
        ]
    return data
