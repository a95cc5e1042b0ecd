"""What search engines read of a release: schema.org structured data."""

from django.templatetags.static import static

from iomcms.core.seo import SHARE_IMAGE, organization


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
        # The release's own language, whatever the page's (/es/news/…) is.
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
            {"@type": "Place", "name": str(country.local_name)} for country in countries
        ]
    return data
