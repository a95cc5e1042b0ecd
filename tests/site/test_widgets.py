"""Widgets written out in Python give the HTML Django's own templates give."""

import pytest
from django import forms

from iomcms.core.forms import JINJA2_RENDERER, PlainNumberInput, PlainSelect, PlainTextInput

ATTRS = [
    {},
    {"id": "id_q", "type": "search", "required": True, "disabled": False},
    {"min": 0, "step": 1000, "placeholder": 'a "quoted" <value> & more'},
]
VALUES = [None, "", "2021", 'x" onmouseover="y', 1500, "<b>&</b>"]


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(
    ("plain", "django"),
    [(PlainTextInput, forms.TextInput), (PlainNumberInput, forms.NumberInput)],
)
def test_an_input_is_written_as_django_writes_it(plain, django, attrs, value):
    if plain is PlainNumberInput and value in ('x" onmouseover="y', "<b>&</b>"):
        value = None  # a number input writes no value that is no number: see below
    expected = django(attrs=attrs).render("q", value, renderer=JINJA2_RENDERER)
    assert plain(attrs=attrs).render("q", value) == expected


@pytest.mark.parametrize("value", ["abc", "1,000", "inf", "NaN", "12abc", "- 3"])
def test_a_number_input_leaves_out_a_value_that_is_no_number(value):
    # A value HTML does not allow in a number input, typed into a URL, is not written back.
    assert PlainNumberInput().render("budget_min", value) == (
        '<input type="number" name="budget_min">'
    )


@pytest.mark.parametrize("value", ["0", "-3", "1500", "2.5", ".5", "1e3", 1500])
def test_a_number_input_keeps_every_number(value):
    assert f'value="{value}"' in PlainNumberInput().render("budget_min", value)


@pytest.mark.parametrize("value", [None, "", "argentina", "a&b", ["argentina", "chile"]])
def test_a_select_is_written_as_django_writes_it(value):
    choices = [("", "All countries"), ("argentina", "Argentina (3)"), ("a&b", "<A & B>")]
    attrs = {"id": "id_country", "aria-describedby": "id_country_help"}
    expected = forms.Select(attrs=attrs, choices=choices).render(
        "country", value, renderer=JINJA2_RENDERER
    )
    assert PlainSelect(attrs=attrs, choices=choices).render("country", value) == expected
