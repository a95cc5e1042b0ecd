"""Finding countries by the names pages give them."""

import re
import unicodedata

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


def normalise(name):
    """Lower case, no accents, single spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", text).strip().lower()


def _words(text):
    return re.sub(r"[^\w]+", " ", normalise(text)).strip()


def country_index():
    """Every known name of every country, normalised, mapped to the country."""
    countries = list(Country.objects.all())
    index = {}
    for country in countries:
        for name in [country.iso_code, *KNOWN_NAMES.get(country.iso_code, ())]:
            index[normalise(name)] = country
    # What the admin says comes last, so it wins over the list above.
    for country in countries:
        for name in country.known_names():
            index[normalise(name)] = country
    return index


def match_countries(names, index=None):
    """Split `names` into the countries they name and the names nobody knows."""
    index = index if index is not None else country_index()
    found, unknown = [], []
    for name in names:
        country = index.get(normalise(name))
        if country is None:
            unknown.append(name)
        elif country not in found:
            found.append(country)
    return found, unknown


def countries_mentioned(text, index=None):
    """Countries whose name (or alias) appears as whole words in `text`, in order found."""
    index = index if index is not None else country_index()
    haystack = f" {_words(text)} "
    hits = []
    for name, country in index.items():
        if len(name) > 2:
            position = haystack.find(f" {_words(name)} ")
            if position >= 0:
                hits.append((position, country))
    ordered = []
    for _, country in sorted(hits, key=lambda hit: hit[0]):
        if country not in ordered:
            ordered.append(country)
    return ordered
