"""Record addresses filled in around a slug are the addresses Django reverses."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils.translation import override

from iomcms.core.reversing import slug_url


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("name", ["newsroom:detail", "newsroom:statement", "projects:detail"])
@pytest.mark.parametrize("slug", ["a", "migrants-in-chile-2", "under_score", "UPPER-9"])
def test_an_address_is_the_one_django_reverses(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_the_address_follows_the_script_prefix(script_prefix):
    script_prefix("/iom/")
    assert slug_url("projects:detail", "water") == "/iom/en/projects/water/"
    script_prefix("/")
    assert slug_url("projects:detail", "water") == "/en/projects/water/"


def test_the_address_follows_the_language():
    for code in ("es", "en", "pt", "fr"):
        with override(code):
            assert slug_url("projects:detail", "water") == f"/{code}/projects/water/"


@pytest.mark.parametrize("slug", ["", "not a slug", "a/b"])
def test_a_value_that_is_no_slug_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        slug_url("newsroom:detail", slug)
