"""What search engines and link previews read: structured data and absolute links."""

from django.templatetags.static import static


def release_structured_data(release, countries, request):
    """schema.org NewsArticle for a release about `countries`."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "url": request.build_absolute_uri(release.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(release.get_absolute_url()),
        "inLanguage": release.language,
        "articleBody": release.body,
        "dateModified": release.updated_at.isoformat(),
        "publisher": {
            "@type": "Organization",
            "name": "International Organization for Migration (IOM)",
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("img/iom-logo.svg")),
            },
        },
    }
    if release.published_on:
        data["datePublished"] = release.published_on.isoformat()
    if release.location:
        data["dateline"] = release.location
    if countries:
        data["contentLocation"] = [
            {"@type": "Place", "name": country.name} for country in countries
        ]
    return data
