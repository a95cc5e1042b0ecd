"""Pages name countries in many ways; the importer must find the right one or say so."""

import pytest

from projects.services import countries_mentioned, match_countries

pytestmark = pytest.mark.django_db


def codes(countries):
    return [country.iso_code for country in countries]


def test_names_match_whatever_their_case_accents_or_formal_form():
    found, unknown = match_countries(
        [
            "argentina",
            "Perú",
            "Bolivia (Plurinational State of)",
            "Dominican Republic",
            "Trinidad and Tobago",
            "United States of America",
        ]
    )
    assert codes(found) == ["AR", "PE", "BO", "DO", "TT", "US"]
    assert unknown == []


def test_unknown_names_are_returned_not_invented():
    found, unknown = match_countries(["Chile", "Atlantis"])
    assert codes(found) == ["CL"]
    assert unknown == ["Atlantis"]


def test_a_country_named_twice_is_listed_once():
    found, _ = match_countries(["Chile", "CHILE", "CL"])
    assert codes(found) == ["CL"]


def test_mentions_are_found_as_whole_words_in_reading_order():
    text = "El Salvador · IOM and partners in the Dominican Republic, Guatemala and Mexico"
    assert codes(countries_mentioned(text)) == ["SV", "DO", "GT", "MX"]  # not Dominica


def test_office_cities_point_to_their_country():
    assert codes(countries_mentioned("IOM Buenos Aires")) == ["AR"]
