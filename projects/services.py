"""Finding countries by the names pages give them."""

import re
import unicodedata
from collections.abc import Iterable

from .models import Country

# The names sources use for the countries of the reference list, by ISO code: the English
# short name the list was installed with, UN formal names, Spanish, French and Portuguese
# names, and the cities IOM offices are named after. A country is also found by its ISO
# code, its current display name and the other names it was given in the admin (a renamed
# country's former name among them), so renaming a country loses no match.
KNOWN_NAMES = {
    "AG": ["Antigua and Barbuda"],
    "AR": ["Argentina", "Argentine Republic", "Buenos Aires"],
    "BB": ["Barbados"],
    "BO": [
        "Bolivia",
        "Bolivia (Plurinational State of)",
        "Plurinational State of Bolivia",
        "La Paz",
    ],
    "BR": ["Brazil", "Brasil", "Brésil", "Brasilia", "Brasília"],
    "BS": ["Bahamas"],
    "BZ": ["Belize"],
    "CA": ["Canada"],
    "CL": ["Chile", "Santiago de Chile", "Chili"],
    "CO": ["Colombia", "Bogota", "Bogotá", "Colombie"],
    "CR": ["Costa Rica", "San Jose", "San José"],
    "CU": ["Cuba"],
    "DM": ["Dominica"],
    "DO": [
        "Dominican Republic",
        "República Dominicana",
        "République dominicaine",
        "Santo Domingo",
    ],
    "EC": ["Ecuador", "Équateur", "Quito"],
    "ES": ["Spain", "España", "Espagne"],
    "GD": ["Grenada"],
    "GT": ["Guatemala", "Guatemala City"],
    "GY": ["Guyana"],
    "HN": ["Honduras"],
    "HT": ["Haiti", "Haïti", "Haití", "Port-au-Prince"],
    "JM": ["Jamaica"],
    "KN": ["Saint Kitts and Nevis"],
    "LC": ["Saint Lucia"],
    "MX": ["Mexico", "México", "Mexique", "Mexico City"],
    "NI": ["Nicaragua"],
    "PA": ["Panama", "Panamá", "Panama City"],
    "PE": ["Peru", "Perú", "Pérou", "Lima"],
    "PY": ["Paraguay"],
    "SR": ["Suriname"],
    "SV": ["El Salvador", "San Salvador"],
    "TT": ["Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tobago"],
    "US": ["United States", "United States of America", "USA", "Estados Unidos", "États-Unis"],
    "UY": ["Uruguay", "Montevideo"],
    "VC": ["Saint Vincent and the Grenadines"],
    "VE": [
        "Venezuela",
        "Venezuela (Bolivarian Republic of)",
        "Bolivarian Republic of Venezuela",
        "Caracas",
    ],
}


def normalise(name: str) -> str:
    """Lower case, no accents, single spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", text).strip().lower()


def country_names(countries: Iterable[Country] | None = None) -> list[tuple[str, list[str]]]:
    """Each country's ISO code with the names pages give it, for a name index.

    First every country's code and reference names (KNOWN_NAMES), then every country's
    display name and the other names given in the admin: an index that lets a later name
    win gives what an editor said precedence over the list above.
    """
    countries = list(Country.objects.all() if countries is None else countries)
    reference = [
        (country.iso_code, [country.iso_code, *KNOWN_NAMES.get(country.iso_code, ())])
        for country in countries
    ]
    edited = [(country.iso_code, country.known_names()) for country in countries]
    return reference + edited


def country_index() -> dict[str, Country]:
    """Every known name of every country, normalised, mapped to the country (for the
    spreadsheet columns that name countries)."""
    countries = list(Country.objects.all())
    by_code = {country.iso_code: country for country in countries}
    return {
        normalise(name): by_code[code]
        for code, names in country_names(countries)
        for name in names
    }
