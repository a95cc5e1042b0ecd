"""Pages name countries in many ways; the importer must find the right one or say so."""

import pytest

from newsroom.sourcetext import CountryIndex
from projects.models import Country
from projects.services import country_names

pytestmark = pytest.mark.django_db


def match_countries(names):
    """(ISO codes of the countries found, names nobody knows), against the index the
    importer builds."""
    return CountryIndex(country_names()).match(names)


def countries_mentioned(text):
    return CountryIndex(country_names()).mentioned(text)


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
    assert found == ["AR", "PE", "BO", "DO", "TT", "US"]
    assert unknown == []


def test_unknown_names_are_returned_not_invented():
    found, unknown = match_countries(["Chile", "Atlantis"])
    assert found == ["CL"]
    assert unknown == ["Atlantis"]


def test_a_country_named_twice_is_listed_once():
    found, _ = match_countries(["Chile", "CHILE", "CL"])
    assert found == ["CL"]


def test_mentions_are_found_as_whole_words_in_reading_order():
    text = "El Salvador · IOM and partners in the Dominican Republic, Guatemala and Mexico"
    assert countries_mentioned(text) == ["SV", "DO", "GT", "MX"]  # not Dominica


def test_office_cities_point_to_their_country():
    assert countries_mentioned("IOM Buenos Aires") == ["AR"]


def test_a_renamed_country_is_still_found_by_its_reference_name():
    argentina = Country.objects.get(iso_code="AR")
    argentina.name = "Argentine Republic"
    argentina.save()

    found, unknown = match_countries(["Argentina", "Argentine Republic", "ar"])

    assert found == ["AR"] and unknown == []


def test_a_renamed_country_keeps_its_former_name_among_its_other_names():
    kosovo = Country.objects.create(name="Kosovo", iso_code="XK", slug="kosovo")
    kosovo = Country.objects.get(pk=kosovo.pk)
    kosovo.name = "Republic of Kosovo"
    kosovo.save()
    kosovo.refresh_from_db()
    kosovo.name = "Kosovo (Republic of)"
    kosovo.save(update_fields=["name"])

    kosovo.refresh_from_db()
    assert kosovo.other_names == "Kosovo\nRepublic of Kosovo"
    found, unknown = match_countries(["Kosovo", "Republic of Kosovo", "Kosovo (Republic of)"])
    assert found == ["XK"] and unknown == []


def test_other_names_an_editor_gives_are_matched_and_mentioned():
    chile = Country.objects.get(iso_code="CL")
    chile.other_names = "República de Chile\nValparaíso"
    chile.save()

    assert match_countries(["republica de chile"])[0] == ["CL"]
    assert countries_mentioned("IOM Valparaiso") == ["CL"]
