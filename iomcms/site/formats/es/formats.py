"""Spanish as the region writes it: "12 de marzo de 2019", and thousands grouped with a
point ("US$ 300.000"), as the office's Spanish releases and the region's press write
amounts (Django's Spanish groups them with a space)."""

from django.conf.locale.es.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "."
