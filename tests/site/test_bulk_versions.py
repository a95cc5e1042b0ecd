"""Versions kept for thousands of imported rows at once are the versions kept one by one."""

import json

import pytest
from django.core.management import call_command
from reversion.models import Version

from iomcms.editorial.revisions import record_versions, record_versions_of
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_bulk_version_holds_what_a_single_version_holds():
    project = factories.project(
        project_code="PO.0181", member_states=[factories.country("AR"), factories.country("CL")]
    )
    record_versions_of(Project.objects.all(), comment="bulk")
    record_versions([project], comment="single")

    bulk, single = Version.objects.get_for_object(project).order_by("pk")
    assert json.loads(bulk.serialized_data) == json.loads(single.serialized_data)
    assert sorted(bulk.field_dict["member_states"]) == sorted(
        country.pk for country in project.member_states.all()
    )
    assert bulk.revision.comment == "bulk"


def test_an_imported_row_has_the_version_its_record_has_when_read_back(tmp_path):
    # A budget without cents, a go-live time in another zone and member states out of
    # order are stored differently from how the file gives them.
    path = tmp_path / "projects.csv"
    path.write_text(
        "Projects ID,Title,Budget (USD),Go-live time,Benefiting member states,Status\n"
        "PO.1,Agua potable en Perú,300000,2024-05-01T09:00:00+02:00,PE|AR|Chile,published\n",
        encoding="utf-8",
    )
    call_command("import_spreadsheet", "projects", str(path), verbosity=0)

    project = Project.objects.get()
    record_versions([project], comment="read back")

    imported, read_back = Version.objects.get_for_object(project).order_by("pk")
    assert imported.serialized_data == read_back.serialized_data
    assert imported.revision.comment == "Imported from projects.csv."
