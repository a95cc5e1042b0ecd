"""The public pages are Jinja2 templates: text escaped once, links that keep the visitor's
filters, dates as Django shows them, and the test client still told what was rendered."""

from datetime import UTC, date, datetime

import pytest
from django.template.base import Template as DjangoTemplate
from django.urls import reverse
from django.utils import translation

from iomcms.site.templating import date as date_filter
from tests import factories

pytestmark = pytest.mark.django_db


def test_page_links_keep_the_filters_and_downloads_drop_the_page(client):
    argentina = factories.country("AR")
    for number in range(25):
        factories.release(f"Argentine release {number}", countries=[argentina])
    url = reverse("newsroom:list")

    first = client.get(url, {"country": "argentina"}).content.decode()
    second = client.get(url, {"country": "argentina", "page": 2}).content.decode()

    assert 'rel="next" href="?country=argentina&amp;page=2"' in first
    assert 'rel="prev" href="?country=argentina&amp;page=1"' in second
    csv = reverse("newsroom:download", args=["csv"])
    assert f'href="{csv}?country=argentina"' in first
    assert f'href="{csv}?country=argentina"' in second


def test_text_is_escaped_exactly_once(client):
    release = factories.release(
        "Tom & Jerry <i>meet</i>", body="A < B & C.\n\nSecond <script>x</script>"
    )

    html = client.get(release.get_absolute_url()).content.decode()

    assert "<h1>Tom &amp; Jerry &lt;i&gt;meet&lt;/i&gt;</h1>" in html
    assert "<p>A &lt; B &amp; C.</p>" in html
    assert "<script>x</script>" not in html and "&amp;amp;" not in html
    assert '"headline": "Tom \\u0026 Jerry \\u003Ci\\u003Emeet\\u003C/i\\u003E"' in html


def test_what_a_visitor_searched_for_is_kept_in_both_search_fields_escaped_once(client):
    html = client.get(reverse("site:search"), {"q": 'a "b" & <c>'}).content.decode()
    # The header's search field and the search page's own.
    assert html.count('value="a &#34;b&#34; &amp; &lt;c&gt;"') == 2


def test_dates_and_times_read_as_django_shows_them(editor_client, settings):
    settings.TIME_ZONE = "America/Argentina/Buenos_Aires"
    go_live = datetime(2030, 5, 1, 14, 30, tzinfo=UTC)
    scheduled = factories.release("Scheduled", published_on=date(2015, 8, 21), go_live_at=go_live)
    opts = scheduled._meta
    url = reverse(
        "preview:draft",
        kwargs={"app_label": opts.app_label, "model": opts.model_name, "pk": scheduled.pk},
    )

    html = editor_client.get(url).content.decode()

    assert '<time datetime="2015-08-21">21 August 2015</time>' in html
    assert "It goes live on 1 May 2030, 11:30 -03." in html


def test_the_test_client_records_the_page_template_and_its_context(client):
    factories.release()

    response = client.get(reverse("newsroom:list"))

    assert [template.name for template in response.templates] == ["newsroom/newsrelease_list.html"]
    assert response.context["paginator"].count == 1


def test_the_admin_keeps_django_templates(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "admin/iomcms/index.html" in [template.name for template in response.templates]
    assert all(isinstance(template, DjangoTemplate) for template in response.templates)


def test_a_date_reads_in_the_active_language():
    day = date(2015, 8, 21)
    assert date_filter(day, "j F Y") == "21 August 2015"
    with translation.override("es"):
        assert date_filter(day, "j F Y") == "21 agosto 2015"
    assert date_filter(day, "j F Y") == "21 August 2015"
