"""The parser hands the importer typed values: dates, years, amounts, statuses, languages
and countries, each keeping the text it came from when it could not be read."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from newsroom.sourcetext import CountryIndex, ProjectStatus, Reading, parse_text

COUNTRIES = CountryIndex(
    [
        ("AR", ["AR", "Argentina", "Buenos Aires"]),
        ("BO", ["BO", "Bolivia", "Bolivia (Plurinational State of)"]),
        ("DM", ["DM", "Dominica"]),
        ("DO", ["DO", "Dominican Republic", "República Dominicana"]),
        ("HT", ["HT", "Haiti", "Haïti"]),
        ("PE", ["PE", "Peru", "Perú", "Lima"]),
    ]
)

PROJECT = """\
Andean Region: Labour Migration Data
Start Date
01/03/2019
End Date
2022
Project Status
Ongoing
Budget Amount (USD)
US$ 300,000
Year
2018
IDF Region
Amérique latine et Caraïbes
Benefiting Member States
Bolivia (Plurinational State of), Perú, Atlantis
The project helps national statistical offices count labour migrants.
"""


def test_a_project_page_gives_years_an_amount_and_a_status():
    fields = parse_text(PROJECT, countries=COUNTRIES).project

    assert fields.start == Reading("01/03/2019", 2019)
    assert fields.end == Reading("2022", 2022)
    assert fields.year == Reading("2018", 2018)
    assert fields.budget_usd == Reading("US$ 300,000", Decimal("300000"))
    assert fields.status == Reading("Ongoing", ProjectStatus.ACTIVE)


def test_a_french_or_spanish_status_is_the_same_status():
    french = parse_text(PROJECT.replace("\nOngoing\n", "\nTerminé\n")).project
    spanish = parse_text(PROJECT.replace("\nOngoing\n", "\nEn curso\n")).project

    assert french.status.value is ProjectStatus.COMPLETED
    assert spanish.status.value is ProjectStatus.ACTIVE


def test_values_that_cannot_be_read_keep_their_text():
    text = (
        PROJECT.replace("\n2022\n", "\nnext spring\n")
        .replace("\nOngoing\n", "\nFinished\n")
        .replace("US$ 300,000", "three hundred thousand")
    )

    fields = parse_text(text).project

    assert fields.end == Reading("next spring", None) and fields.end.unreadable
    assert fields.status == Reading("Finished", None)
    assert fields.budget_usd == Reading("three hundred thousand", None)


def test_the_region_is_named_in_english_whatever_the_page_language():
    fields = parse_text(PROJECT, countries=COUNTRIES).project

    assert fields.region == Reading(
        "Amérique latine et Caraïbes", "Latin America and the Caribbean"
    )


def test_member_states_resolve_against_the_index_and_unknown_names_are_kept():
    states = parse_text(PROJECT, countries=COUNTRIES).project.member_states

    assert states.keys == ["BO", "PE"]
    assert states.unknown == ["Atlantis"]
    assert states.names == ["Bolivia (Plurinational State of)", "Perú", "Atlantis"]


def test_without_an_index_no_member_state_is_known():
    states = parse_text(PROJECT).project.member_states

    assert states.keys == []
    assert states.unknown == states.names


def test_the_json_shape_keeps_what_the_page_wrote():
    data = json.loads(json.dumps(parse_text(PROJECT, countries=COUNTRIES).to_dict()))

    assert data["project"]["start"] == "01/03/2019"
    assert data["project"]["status"] == "Ongoing"
    assert data["project"]["budget_usd"] == "300000"
    assert data["project"]["region"] == "Amérique latine et Caraïbes"
    assert data["project"]["member_states"] == [
        "Bolivia (Plurinational State of)",
        "Perú",
        "Atlantis",
    ]


SPANISH_RELEASE = (
    "La OIM apoya a los migrantes en la frontera de Perú\n"
    "Date Publish: 12 de marzo de 2021\n"
    "Lima – La Organización Internacional para las Migraciones (OIM) entregó hoy kits de "
    "higiene a las familias que llegan por la frontera norte del país.\n"
    "Para más información, por favor contactar a:\n"
    "Juan Pérez, OIM Buenos Aires, Tel: +54 11 1234 5678, Email: jperez@iom.int\n"
)


def test_a_spanish_release_is_spanish_and_dated():
    page = parse_text(SPANISH_RELEASE, countries=COUNTRIES)

    assert page.kind == "news"
    assert page.language == "es"
    assert page.date == date(2021, 3, 12)
    assert page.to_dict()["date"] == "2021-03-12"


def test_an_english_release_is_english():
    page = parse_text(
        "IOM Scales Up Support for Returnees in South Sudan\n"
        "Juba, October 30th, 2019 \u2013 IOM is scaling up its support to returnees "
        "arriving in Renk, with the help of the local authorities.\n"
        "More than 2,000 people have arrived since September.\n"
    )

    assert page.language == "en"


def test_a_release_names_the_countries_of_its_dateline_title_and_contact_offices():
    page = parse_text(SPANISH_RELEASE, countries=COUNTRIES)

    assert page.countries == ["PE"]  # the dateline's Lima and the title's Perú: once
    assert [contact.office_country for contact in page.contacts] == ["AR"]


def test_statements_are_dated_and_each_has_its_language():
    page = parse_text(
        "Statements on Migration VIII Summit\n"
        "Date: 4/13/2018\n"
        "IOM supports the follow-up of the Lima Commitment on democratic governance.\n"
        "Paragraphs: 3\n"
        "Date: 6/8/2016\n"
        "La OIM apoya el seguimiento de los compromisos de la Cumbre en la región.\n"
        "Paragraphs: 4\n"
    )

    assert page.summit == "VIII Summit"
    assert [(entry.date, entry.language) for entry in page.statements] == [
        (date(2018, 4, 13), "en"),
        (date(2016, 6, 8), "es"),
    ]


# --- the country index --------------------------------------------------------------------


def test_a_formal_name_resolves_whatever_its_case_or_accents():
    assert COUNTRIES.resolve("Bolivia (Plurinational State of)") == "BO"
    assert COUNTRIES.resolve("bolivia (plurinational state of)") == "BO"
    assert COUNTRIES.resolve("HAITI") == "HT"
    assert COUNTRIES.resolve("Atlantis") is None


def test_matching_keeps_the_names_no_country_has():
    assert COUNTRIES.match(["Perú", "Atlantis", "Peru", "Lemuria"]) == (
        ["PE"],
        ["Atlantis", "Lemuria"],
    )


def test_a_name_given_again_belongs_to_the_later_country():
    index = CountryIndex([("AR", ["Argentina", "Plata"]), ("UY", ["Uruguay", "Plata"])])

    assert index.resolve("Plata") == "UY"


def test_mentions_are_whole_words_in_reading_order():
    text = "Haiti \u00b7 IOM in the Dominican Republic and Bolivia"

    assert COUNTRIES.mentioned(text) == ["HT", "DO", "BO"]  # not Dominica
    assert COUNTRIES.mentioned("IOM AR office") == []  # codes are not mentions
