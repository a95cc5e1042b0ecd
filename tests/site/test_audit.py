"""Publishers read who changed what and when across the site, filtered by user, kind of
record and date; editors do not see it."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision

from iomcms.editorial.revisions import record_versions
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db

AUDIT = "admin:iomcms_change_changelist"


@pytest.fixture
def history(editor, publisher):
    release = factories.release("Floods in Peru")
    project = factories.project("Roads in Chile")
    record_versions([release], editor, "Changed Title.")
    record_versions([project], publisher, "Changed Budget.")
    old = Revision.objects.get(comment="Changed Title.")
    old.date_created -= timedelta(days=40)
    old.save()
    return release, project


def rows(response):
    return [str(change.object_repr) for change in response.context["cl"].result_list]


def test_a_publisher_sees_every_change_newest_first(publisher_client, history):
    response = publisher_client.get(reverse(AUDIT))
    assert response.status_code == 200
    assert rows(response) == ["Roads in Chile", "Floods in Peru"]
    html = response.content.decode()
    assert "Changed Budget." in html and "Changed Title." in html


def test_the_change_log_filters_by_user_model_and_date(publisher_client, history, editor):
    url = reverse(AUDIT)
    assert rows(publisher_client.get(url, {"user": editor.pk})) == ["Floods in Peru"]
    project_type = ContentType.objects.get_for_model(Project)
    assert rows(publisher_client.get(url, {"model": project_type.pk})) == ["Roads in Chile"]
    today = timezone.localdate()
    this_month = publisher_client.get(
        url,
        {"revision__date_created__year": today.year, "revision__date_created__month": today.month},
    )
    assert rows(this_month) == ["Roads in Chile"]


def test_bad_filter_values_never_give_a_server_error(publisher_client, history):
    for query in ({"user": "x"}, {"model": "abc"}, {"revision__date_created__year": "soon"}):
        assert publisher_client.get(reverse(AUDIT), query).status_code in (200, 302)


def test_each_row_links_to_the_record_history(publisher_client, history):
    release, _ = history
    html = publisher_client.get(reverse(AUDIT)).content.decode()
    assert reverse("admin:newsroom_newsrelease_history", args=[release.pk]) in html


def test_editors_cannot_see_the_change_log(editor_client, history):
    assert editor_client.get(reverse(AUDIT)).status_code == 403
    assert reverse(AUDIT) not in editor_client.get(reverse("admin:index")).content.decode()


def test_the_change_log_is_read_only(publisher_client, history):
    change = NewsRelease.objects.first()
    assert publisher_client.get(reverse("admin:iomcms_change_add")).status_code == 403
    assert change is not None
