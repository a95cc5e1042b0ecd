import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def editor(db):
    return factories.user_in("Editors")


@pytest.fixture
def publisher(db):
    return factories.user_in("Publishers")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(publisher):
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture(autouse=True)
def fresh_content_version():
    """Each test starts from a new content version: a test's rolled-back records send no
    signal, so pages and facet indexes of the one before must not carry over."""
    from iomcms.core.contentversion import page_cache

    page_cache().clear()
