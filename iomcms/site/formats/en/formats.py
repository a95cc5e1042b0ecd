"""English dates and times as the site writes them: a date as "12 March 2019" (the day
first, as IOM's English releases date themselves), a time with the time zone after it
("Dec. 2, 2026, 9:00 a.m. CST", or an offset such as "-05" for a zone without an
abbreviation): editors in different zones read the same moment differently."""

from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "N j, Y, P T"
SHORT_DATETIME_FORMAT = "m/d/Y P T"
