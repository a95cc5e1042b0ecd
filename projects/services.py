"""Finding countries by the names pages give them."""

import re
import unicodedata

from .models import Country

# Other names the sources use for countries in the reference list, by ISO code: UN formal
# names, Spanish and French names, and the cities IOM offices are named after.
ALIASES = {
    "AR": ["Argentine Republic", "Buenos Aires"],
    "BO": ["Bolivia (Plurinational State of)", "Plurinational State of Bolivia", "La Paz"],
    "BR": ["Brasil", "Brésil", "Brasilia", "Brasília"],
    "CL": ["Santiago de Chile", "Chili"],
    "CO": ["Bogota", "Bogotá", "Colombie"],
    "CR": ["San Jose", "San José"],
    "DO": ["República Dominicana", "République dominicaine", "Santo Domingo"],
    "EC": ["Équateur", "Quito"],
    "GT": ["Guatemala City"],
    "HT": ["Haïti", "Haití", "Port-au-Prince"],
    "MX": ["México", "Mexique", "Mexico City"],
    "PA": ["Panamá", "Panama City"],
    "PE": ["Perú", "Pérou", "Lima"],
    "SV": ["San Salvador"],
    "TT": ["Trinité-et-Tobago", "Trinidad y Tobago"],
    "US": ["United States of America", "USA", "Estados Unidos", "États-Unis"],
    "UY": ["Montevideo"],
    "VE": ["Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela", "Caracas"],
    "ES": ["España", "Espagne"],
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
    index = {}
    for country in Country.objects.all():
        index[normalise(country.name)] = country
        index[normalise(country.iso_code)] = country
        for alias in ALIASES.get(country.iso_code, ()):
            index[normalise(alias)] = country
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
