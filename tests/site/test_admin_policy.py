"""Only the third-party export form gets a wider policy, and only by exact hashes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def policy(client, url):
    return client.get(url)["Content-Security-Policy"]


def test_the_export_form_allows_its_three_inline_attributes_by_hash(publisher_client):
    header = policy(publisher_client, reverse("admin:projects_project_export"))
    assert "'unsafe-hashes'" in header
    assert "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='" in header
    assert "unsafe-inline" not in header


def test_every_other_page_keeps_the_strict_policy(client, publisher_client):
    for page_client, url in [
        (client, reverse("site:home")),
        (publisher_client, reverse("admin:newsroom_newsrelease_changelist")),
        (publisher_client, reverse("admin:projects_project_import")),
    ]:
        header = policy(page_client, url)
        assert "unsafe" not in header, url
        assert "script-src 'self'" in header
