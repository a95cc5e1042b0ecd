"""An editor's first day: add a project and a release in the admin, then find them again."""

import pytest
from django.urls import reverse

from iomcms.core.publishing import Status
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def add_page(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def release_form(contacts, **fields):
    data = {
        "title": "IOM Partners Protect Migrant Children",
        "slug": "iom-partners-protect-migrant-children",
        "location": "El Salvador",
        "published_on": "2015-08-21",
        "summary": "",
        "body": "IOM, UNHCR and ICRC concluded a meeting.\n\nA second paragraph.",
        "contact_links-TOTAL_FORMS": str(len(contacts)),
        "contact_links-INITIAL_FORMS": "0",
        "contact_links-MIN_NUM_FORMS": "0",
        "contact_links-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, person in enumerate(contacts):
        data[f"contact_links-{index}-position"] = str(index)
        data[f"contact_links-{index}-contact"] = str(person.pk)
    return data


def test_editor_adds_a_project_with_two_benefiting_countries(editor_client):
    argentina, chile = factories.country("AR"), factories.country("CL")
    response = editor_client.post(
        add_page(Project),
        {
            "title": "Southern Cone Labour Mobility",
            "slug": "southern-cone-labour-mobility",
            "description": "Helps migrant workers.",
            "start_year": "2022",
            "end_year": "2024",
            "project_status": "active",
            "project_type": "Labour Mobility",
            "budget_usd": "300000.00",
            "coverage": "Regional",
            "funding_year": "2021",
            "idf_region": str(argentina.region_id),
            "prima_id": "AR10P0999",
            "project_code": "PO.0999",
            "member_states": [str(argentina.pk), str(chile.pk)],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(project_code="PO.0999")
    assert set(project.member_states.all()) == {argentina, chile}
    assert project.status == Status.DRAFT  # editors prepare, publishers publish

    found = editor_client.get(changelist(Project), {"q": "PO.0999"})
    assert list(found.context["cl"].result_list) == [project]
    filtered = editor_client.get(changelist(Project), {"member_states__id__exact": chile.pk})
    assert list(filtered.context["cl"].result_list) == [project]


def test_editor_adds_a_release_with_two_ordered_contacts(editor_client):
    office = factories.office("IOM El Salvador", country=factories.country("SV"))
    first = factories.contact("Alba Miriam Amaya", office=office, email="aamaya@iom.int")
    second = factories.contact("Jorge Peraza", office=office, email="jperaza@iom.int")

    response = editor_client.post(add_page(NewsRelease), release_form([second, first]))

    assert response.status_code == 302, response.context["adminform"].form.errors
    release = NewsRelease.objects.get(slug="iom-partners-protect-migrant-children")
    assert release.ordered_contacts() == [second, first]
    found = editor_client.get(changelist(NewsRelease), {"q": "migrant children"})
    assert list(found.context["cl"].result_list) == [release]
    by_status = editor_client.get(changelist(NewsRelease), {"status__exact": "draft"})
    assert list(by_status.context["cl"].result_list) == [release]


def test_editor_cannot_set_the_status_on_the_form(editor_client):
    response = editor_client.post(
        add_page(NewsRelease), release_form([], status="published", go_live_at_0="2015-08-21")
    )
    assert response.status_code == 302
    assert NewsRelease.objects.get().status == Status.DRAFT


def test_publisher_can_publish_from_the_form(publisher_client):
    response = publisher_client.post(add_page(NewsRelease), release_form([], status="published"))
    assert response.status_code == 302
    assert NewsRelease.objects.get().is_live


def test_form_refuses_an_end_before_the_start_with_a_message(editor_client):
    response = editor_client.post(
        add_page(Project),
        {"title": "Backwards", "slug": "backwards", "start_year": "2024", "end_year": "2020"},
    )
    assert response.status_code == 200
    assert "The end year cannot be before the start year." in response.content.decode()
    assert not Project.objects.exists()
