"""The regions and countries the office works with, keyed by ISO 3166-1 alpha-2 code."""

from django.db import migrations
from django.utils.text import slugify

LATIN_AMERICA_AND_THE_CARIBBEAN = [
    ("AG", "Antigua and Barbuda"), ("AR", "Argentina"), ("BS", "Bahamas"),
    ("BB", "Barbados"), ("BZ", "Belize"), ("BO", "Bolivia"), ("BR", "Brazil"),
    ("CL", "Chile"), ("CO", "Colombia"), ("CR", "Costa Rica"), ("CU", "Cuba"),
    ("DM", "Dominica"), ("DO", "Dominican Republic"), ("EC", "Ecuador"),
    ("SV", "El Salvador"), ("GD", "Grenada"), ("GT", "Guatemala"), ("GY", "Guyana"),
    ("HT", "Haiti"), ("HN", "Honduras"), ("JM", "Jamaica"), ("MX", "Mexico"),
    ("NI", "Nicaragua"), ("PA", "Panama"), ("PY", "Paraguay"), ("PE", "Peru"),
    ("KN", "Saint Kitts and Nevis"), ("LC", "Saint Lucia"),
    ("VC", "Saint Vincent and the Grenadines"), ("SR", "Suriname"),
    ("TT", "Trinidad and Tobago"), ("UY", "Uruguay"), ("VE", "Venezuela"),
]
REGIONS = {
    "Latin America and the Caribbean": LATIN_AMERICA_AND_THE_CARIBBEAN,
    "North America": [("CA", "Canada"), ("US", "United States")],
    "Europe": [("ES", "Spain")],
}


def add_countries(apps, schema_editor):
    Region = apps.get_model("projects", "Region")
    Country = apps.get_model("projects", "Country")
    for region_name, countries in REGIONS.items():
        region, _ = Region.objects.get_or_create(
            name=region_name, defaults={"slug": slugify(region_name)}
        )
        for iso_code, name in countries:
            Country.objects.get_or_create(
                iso_code=iso_code,
                defaults={"name": name, "slug": slugify(name), "region": region},
            )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(add_countries, migrations.RunPython.noop)]
