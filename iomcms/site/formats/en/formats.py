"""English dates and times as Django writes them, with the time zone after each time
("Dec. 2, 2026, 9:00 a.m. CST", or an offset such as "-05" for a zone without an
abbreviation): editors in different zones read the same moment differently."""

from django.conf.locale.en.formats import *  # noqa: F403

DATETIME_FORMAT = "N j, Y, P T"
SHORT_DATETIME_FORMAT = "m/d/Y P T"
