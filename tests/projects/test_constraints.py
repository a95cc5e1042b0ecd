"""The database itself refuses bad data, whatever path it comes by."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories

pytestmark = pytest.mark.django_db


def assert_refused_by_database(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_negative_budget_is_refused():
    assert_refused_by_database(lambda: factories.project(budget_usd=Decimal("-0.01")))


def test_zero_budget_is_allowed():
    assert factories.project(budget_usd=Decimal("0")).budget_usd == 0


def test_end_year_before_start_year_is_refused():
    assert_refused_by_database(lambda: factories.project(start_year=2024, end_year=2022))


def test_single_year_project_is_allowed():
    record = factories.project(start_year=2022, end_year=2022)
    assert (record.start_year, record.end_year) == (2022, 2022)


def test_duplicate_projects_id_is_refused():
    factories.project(project_code="PO.0181")
    assert_refused_by_database(lambda: factories.project(project_code="PO.0181"))


def test_duplicate_prima_id_is_refused():
    factories.project(prima_id="AR10P0514")
    assert_refused_by_database(lambda: factories.project(prima_id="AR10P0514"))


def test_many_projects_may_lack_codes():
    factories.project()
    factories.project()
    assert factories.project().project_code == ""


def test_duplicate_slug_is_refused():
    factories.project(title="Same title")
    assert_refused_by_database(lambda: factories.project(title="Same title"))


def test_duplicate_contact_email_is_refused_whatever_its_case():
    factories.contact(email="mbocca@iom.int")
    assert_refused_by_database(lambda: factories.contact(email="MBocca@iom.int"))


def test_contacts_without_email_are_allowed_side_by_side():
    factories.contact(email="")
    assert factories.contact(email="").email == ""


def test_country_code_must_be_two_capital_letters():
    from projects.models import Country

    assert_refused_by_database(
        lambda: Country.objects.create(name="Atlantis", iso_code="at", slug="atlantis")
    )


def test_model_validation_explains_the_rule_to_editors():
    record = factories.project(start_year=2022, end_year=2024)
    record.end_year = 2020
    with pytest.raises(ValidationError, match="cannot be before the start year"):
        record.full_clean()


def test_duplicate_projects_id_is_reported_by_form_validation():
    factories.project(project_code="PO.0181")
    duplicate = factories.project(project_code="PO.0999")
    duplicate.project_code = "PO.0181"
    with pytest.raises(ValidationError, match="Another project has this Projects ID"):
        duplicate.full_clean()
