"""Editors and Publishers work in the admin; nobody else gets in."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse

from iomcms.core.publishing import Status
from newsroom.models import Contact, NewsRelease, Office, Statement, Summit, Theme
from projects.models import Country, Project, Region
from tests import factories

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [Region, Country, Project, Office, Contact, Theme, NewsRelease, Summit, Statement]


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def one_of_each():
    argentina = factories.country("AR")
    buenos_aires = factories.office("IOM Buenos Aires", country=argentina)
    person = factories.contact("Mariana Bocca", office=buenos_aires, email="mbocca@iom.int")
    factories.release(countries=[argentina], contacts=[person])
    factories.project(member_states=[argentina], idf_region=argentina.region)
    factories.statement(summit=Summit.objects.create(name="VII Summit", slug="vii-summit"))
    Theme.objects.create(name="Counter-trafficking", slug="counter-trafficking")


def test_every_content_model_is_registered():
    assert all(admin.site.is_registered(model) for model in CONTENT_MODELS)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_editor_reaches_changelist_search_add_and_change_pages(editor_client, one_of_each, model):
    record = model.objects.first()
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "changelist") + "?q=IOM",
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
    ):
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", [User, Group], ids=lambda model: model.__name__)
def test_editor_cannot_reach_users_or_groups(editor_client, model):
    assert editor_client.get(admin_url(model, "changelist")).status_code == 403
    assert editor_client.get(admin_url(model, "add")).status_code == 403


def test_anonymous_visitor_is_sent_to_login(client):
    url = admin_url(NewsRelease, "changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_a_group_sees_no_content(client):
    client.force_login(User.objects.create_user("nobody", password="pw", is_staff=True))
    assert client.get(admin_url(NewsRelease, "changelist")).status_code == 403


def test_editor_cannot_publish_but_publisher_can(editor_client, publisher_client):
    draft = factories.release(status=Status.DRAFT)
    action = {"action": "publish_selected", "_selected_action": [draft.pk], "confirm": "yes"}
    changelist = admin_url(NewsRelease, "changelist")

    editor_page = editor_client.get(changelist).content.decode()
    assert "publish_selected" not in editor_page
    editor_client.post(changelist, action)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    assert "publish_selected" in publisher_client.get(changelist).content.decode()
    publisher_client.post(changelist, action)
    draft.refresh_from_db()
    assert draft.is_live


def test_editor_cannot_delete_but_publisher_can(editor_client, publisher_client):
    record = factories.release()
    delete = admin_url(NewsRelease, "delete", record.pk)
    assert editor_client.get(delete).status_code == 403
    assert publisher_client.post(delete, {"post": "yes"}).status_code == 302
    assert not NewsRelease.objects.filter(pk=record.pk).exists()


def test_change_page_links_to_the_live_page(editor_client):
    record = factories.release()
    page = editor_client.get(admin_url(NewsRelease, "change", record.pk)).content.decode()
    assert "View on site" in page
