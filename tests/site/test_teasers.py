"""List items and feed entries open with whole words, and say when the text goes on."""

import pytest
from django.urls import reverse

from iomcms.core.teasers import LENGTH, teaser
from tests import factories

pytestmark = pytest.mark.django_db

# Short words, so that the first LENGTH characters hold fewer words than a list shows.
LONG = " ".join(f"w{number:04d}" for number in range(200))


def test_an_opening_cut_by_the_database_loses_its_partial_word_and_gets_an_ellipsis():
    opening = LONG[:LENGTH]
    assert not opening.endswith(" ")  # cut inside a word
    shown = teaser(opening, 100)
    assert shown.endswith("…")
    words = shown[:-1].split()
    assert words == LONG.split()[: len(words)]  # whole words only, in order


def test_a_short_text_is_shown_whole_and_a_long_one_cut_at_its_words():
    assert teaser("Two words", 40) == "Two words"
    assert teaser("one two three four", 2) == "one two…"


def test_list_pages_and_the_feed_show_whole_words(client):
    factories.project("Wordy project", description=LONG, status="published")
    factories.release("Wordy release", body=LONG)
    factories.statement("Wordy statement", body=LONG)
    pages = [
        reverse("projects:list"),
        reverse("newsroom:list"),
        reverse("newsroom:statements"),
        reverse("newsroom:feed_rss"),
    ]
    partial = LONG[:LENGTH].rsplit(maxsplit=1)[1]  # the word the database cut
    for url in pages:
        html = client.get(url).content.decode()
        assert "w0000 w0001" in html, url
        assert f" {partial}…" not in html and f" {partial}<" not in html, url
        assert "…" in html, url
