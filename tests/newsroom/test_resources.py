"""Contact, office and release spreadsheets: natural keys, and no records made on the side."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from iomcms.spreadsheets.resources import CSV, load_dataset, result_errors
from newsroom.models import Contact, NewsRelease, Office, Theme
from newsroom.resources import ContactResource, NewsReleaseResource, OfficeResource
from tests import factories

pytestmark = pytest.mark.django_db


def imported(resource, text):
    return resource().import_data(load_dataset(text.encode(), CSV))


def test_a_contact_is_matched_by_e_mail_in_any_case():
    factories.contact("Ana Pérez", email="APerez@iom.int", role="Media Officer")

    result = imported(ContactResource, "E-mail,Name,Role\naperez@IOM.int,Ana Pérez,Spokesperson\n")

    assert result.totals["update"] == 1
    assert Contact.objects.get().role == "Spokesperson"


def test_two_rows_with_one_e_mail_are_an_error():
    result = imported(ContactResource, "E-mail,Name\na@iom.int,A\nA@iom.int,B\n")

    assert result_errors(result) == [(2, "E-mail", '"A@iom.int" is also on row 1 of this file.')]
    assert not Contact.objects.exists()


def test_a_repeated_release_slug_is_an_error_though_its_first_row_changes_nothing(tmp_path):
    factories.release("Rescue at sea", body="Text.")
    path = tmp_path / "releases.csv"
    path.write_text(
        "Slug,Title,Body\nrescue-at-sea,Rescue at sea,Text.\nrescue-at-sea,Rescue at sea,Other.\n"
    )

    with pytest.raises(CommandError) as failure:
        call_command("import_spreadsheet", "releases", str(path))

    assert (
        'releases.csv, row 2, column "Slug": "rescue-at-sea" is also on row 1 of this file.'
    ) in str(failure.value)
    assert NewsRelease.objects.get().body == "Text."


def test_an_unknown_office_theme_or_country_is_a_row_error_not_a_new_record():
    office_result = imported(OfficeResource, "Name,Country\nIOM Atlantis,Atlantis\n")
    release_result = imported(
        NewsReleaseResource, "Slug,Title,Body,Themes,Countries\nr,R,Text,Nonsense,AR\n"
    )
    contact_result = imported(ContactResource, "E-mail,Name,Office\na@iom.int,A,IOM Nowhere\n")

    assert result_errors(office_result) == [(1, "Country", 'Unknown country "Atlantis".')]
    assert result_errors(release_result) == [(1, "Themes", 'Unknown theme "Nonsense".')]
    assert result_errors(contact_result) == [(1, "Office", 'Unknown office "IOM Nowhere".')]
    assert not Office.objects.exists() and not Theme.objects.exists()
    assert not NewsRelease.objects.exists() and not Contact.objects.exists()


def test_a_release_keeps_its_contacts_in_the_order_the_cell_gives():
    first = factories.contact("First", email="first@iom.int")
    second = factories.contact("Second", email="second@iom.int")
    factories.theme("Counter-trafficking")

    result = imported(
        NewsReleaseResource,
        "Slug,Title,Body,Media contacts,Themes,Countries\n"
        "r,R,Text,second@iom.int|FIRST@iom.int,counter-trafficking,Argentina|CL\n",
    )

    assert not result_errors(result)
    release = NewsRelease.objects.get()
    assert release.ordered_contacts() == [second, first]
    assert [t.name for t in release.themes.all()] == ["Counter-trafficking"]
    assert sorted(c.iso_code for c in release.countries.all()) == ["AR", "CL"]
