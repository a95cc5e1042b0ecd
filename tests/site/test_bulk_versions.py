"""Versions kept for thousands of imported rows at once are the versions kept one by one."""

import json

import pytest
from reversion.models import Version

from iomcms.revisions import record_versions, record_versions_of
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
