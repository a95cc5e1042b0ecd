import pytest
from django.test import Client
from django.utils import translation

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


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The suite reads the site and the admin in English unless a test says otherwise:
    addresses it reverses are the English pages' (/en/news/), and its browsers ask for
    English (Accept-Language), as an English-speaking editor's do. Tests of the other
    languages name theirs."""
    init = Client.__init__

    def english_client(self, *args, headers=None, **kwargs):
        init(self, *args, headers={"Accept-Language": "en", **(headers or {})}, **kwargs)

    monkeypatch.setattr(Client, "__init__", english_client)
    with translation.override("en"):
        yield
