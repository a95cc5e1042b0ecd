"""Portuguese as Brazil writes it: "12 de março de 2019", "US$ 300.000". Month names are
written in lower case, which Django's own catalogue does not do ("Março"): the project's
catalogue gives them (locale/), and they are marked here so that `make messages` keeps
them there."""

from django.conf.locale.pt.formats import *  # noqa: F403
from django.utils.translation import gettext_noop

MONTH_NAMES = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
