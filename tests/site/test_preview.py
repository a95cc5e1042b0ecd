"""Editors preview drafts at their own address; a share link shows one draft to a reviewer
without an account, and nothing else, and nothing once expired or revoked."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import Status
from iomcms.editorial.models import ShareLink
from tests import factories

pytestmark = pytest.mark.django_db


def preview_url(record):
    opts = record._meta
    return reverse(
        "preview:draft",
        kwargs={"app_label": opts.app_label, "model": opts.model_name, "pk": record.pk},
    )


def share_page(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_share", args=[record.pk])


@pytest.mark.parametrize(
    "make", [factories.release, factories.project, factories.statement, factories.contact]
)
def test_an_editor_previews_a_draft_with_a_banner_and_no_caching(editor_client, make):
    draft = make("Unreleased draft", status=Status.DRAFT)

    response = editor_client.get(preview_url(draft))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Unreleased draft" in html
    assert 'class="preview-banner"' in html and "Draft" in html
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_a_draft_preview_shows_where_the_draft_is_filed(editor_client):
    # A draft is in no list's facet index: its filing comes from the database.
    argentina, chile = factories.country("AR"), factories.country("CL")
    theme = factories.theme("Counter-trafficking")
    release = factories.release(
        "Draft release", status=Status.DRAFT, countries=[chile, argentina], themes=[theme]
    )
    project = factories.project("Draft project", status=Status.DRAFT, member_states=[chile])

    page = editor_client.get(preview_url(release))
    assert [country.name for country in page.context["countries"]] == ["Argentina", "Chile"]
    assert [theme.name for theme in page.context["themes"]] == ["Counter-trafficking"]
    assert "Counter-trafficking</a>" in page.content.decode()
    page = editor_client.get(preview_url(project))
    assert [country.name for country in page.context["member_states"]] == ["Chile"]


def test_a_visitor_cannot_use_the_editor_preview(client):
    draft = factories.release(status=Status.DRAFT)
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


@pytest.mark.parametrize(
    "path",
    [
        ("newsroom", "office", 1),
        ("auth", "user", 1),
        ("nope", "nothing", 1),
        ("newsroom", "newsrelease", 999),
    ],
)
def test_a_preview_of_anything_else_is_not_found(editor_client, path):
    app_label, model, pk = path
    url = reverse("preview:draft", kwargs={"app_label": app_label, "model": model, "pk": pk})
    assert editor_client.get(url).status_code == 404


def test_a_share_link_shows_its_draft_to_a_reviewer_without_an_account(editor_client, client):
    draft = factories.release("Embargoed release", status=Status.DRAFT)
    editor_client.post(share_page(draft), {"days": "3"})
    link = ShareLink.objects.get()

    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    assert "Embargoed release" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert link.expires_at - timezone.now() > timedelta(days=2, hours=23)
    assert client.get(draft.get_absolute_url()).status_code == 404  # still a draft


def test_a_share_link_never_reveals_another_draft(client, editor):
    secret_contact = factories.contact("Secret Spokesperson", status=Status.DRAFT)
    other = factories.release("Other draft", status=Status.DRAFT)
    shared = factories.release(
        "Shared draft",
        status=Status.DRAFT,
        contacts=[secret_contact],
        countries=[factories.country("AR")],
    )
    factories.release(
        "Related but draft", status=Status.DRAFT, countries=[factories.country("AR")]
    )
    link = ShareLink.create_for(shared, editor)

    html = client.get(link.get_absolute_url()).content.decode()

    assert "Shared draft" in html
    assert "Secret Spokesperson" not in html and "Related but draft" not in html
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(preview_url(other)).status_code == 302  # to the login page


def test_an_expired_share_link_is_not_found(client, editor):
    link = ShareLink.create_for(factories.release(status=Status.DRAFT), editor, days=1)
    assert client.get(link.get_absolute_url()).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1), tick=False):
        assert client.get(link.get_absolute_url()).status_code == 404


def test_a_revoked_share_link_is_not_found(editor_client, client, editor):
    draft = factories.release(status=Status.DRAFT)
    link = ShareLink.create_for(draft, editor)
    assert client.get(link.get_absolute_url()).status_code == 200

    editor_client.post(share_page(draft), {"revoke": link.pk})

    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(link.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("token", ["nonsense", "abc:def", "a" * 300])
def test_a_forged_share_link_is_not_found(client, editor, token):
    link = ShareLink.create_for(factories.release(status=Status.DRAFT), editor)
    assert client.get(reverse("preview:shared", kwargs={"token": token})).status_code == 404
    tampered = f"{link.key}x:{link.token.rsplit(':', 1)[1]}"
    assert client.get(reverse("preview:shared", kwargs={"token": tampered})).status_code == 404


def test_a_share_link_stays_out_of_the_page_cache(client, editor, settings):
    settings.PAGE_CACHE_SECONDS = 600
    draft = factories.release(status=Status.DRAFT)
    link = ShareLink.create_for(draft, editor)
    assert "X-Cache" not in client.get(link.get_absolute_url())
    link.revoked_at = timezone.now()
    link.save()
    assert client.get(link.get_absolute_url()).status_code == 404


def test_the_share_page_refuses_bad_input_without_an_error(editor_client):
    draft = factories.release(status=Status.DRAFT)
    assert editor_client.post(share_page(draft), {"days": "lots"}).status_code == 302
    assert editor_client.post(share_page(draft), {"revoke": "x"}).status_code == 302
    assert ShareLink.objects.get().expires_at > timezone.now()
    assert editor_client.get(share_page(draft)).status_code == 200


def sharelink_admin(action, *args):
    return reverse(f"admin:iomcms_sharelink_{action}", args=args)


def expiry_form(moment):
    local = timezone.localtime(moment)
    return {"expires_at_0": local.strftime("%Y-%m-%d"), "expires_at_1": local.strftime("%H:%M:%S")}


def test_an_editor_cannot_set_a_share_link_to_last_beyond_the_cap(editor_client, editor):
    link = ShareLink.create_for(factories.release(status=Status.DRAFT), editor)
    expiry = link.expires_at

    response = editor_client.post(
        sharelink_admin("change", link.pk), expiry_form(timezone.now().replace(year=2099))
    )

    assert response.status_code == 200
    assert "at most 30 days" in str(response.context["adminform"].form.errors)
    link.refresh_from_db()
    assert link.expires_at == expiry
    # Within the cap, its maker may change it.
    later = link.created_at + timedelta(days=20)
    response = editor_client.post(sharelink_admin("change", link.pk), expiry_form(later))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.expires_at.date() == later.date()


def test_no_path_stores_a_share_link_beyond_the_cap(editor):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    draft = factories.release(status=Status.DRAFT)
    with pytest.raises(ValidationError):
        ShareLink.create_for(draft, editor, days=365)
    link = ShareLink.create_for(draft, editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        ShareLink.objects.filter(pk=link.pk).update(
            expires_at=link.created_at + timedelta(days=31)
        )


def test_only_its_maker_or_a_publisher_revokes_a_share_link(
    editor_client, editor, publisher_client, client
):
    colleague = factories.user_in("Editors")
    draft = factories.release(status=Status.DRAFT)
    theirs = ShareLink.create_for(draft, colleague)
    mine = ShareLink.create_for(draft, editor)

    page = editor_client.get(share_page(draft)).content.decode()
    assert f'name="revoke" value="{mine.pk}"' in page
    assert f'name="revoke" value="{theirs.pk}"' not in page
    assert editor_client.post(share_page(draft), {"revoke": theirs.pk}).status_code == 403
    action = {"action": "revoke_selected", "_selected_action": [theirs.pk, mine.pk]}
    editor_client.post(sharelink_admin("changelist"), action)
    # Someone else's link stays, from the list's action too, and its page is read-only.
    assert client.get(theirs.get_absolute_url()).status_code == 200
    assert client.get(mine.get_absolute_url()).status_code == 200
    far = expiry_form(theirs.created_at + timedelta(days=29))
    assert editor_client.post(sharelink_admin("change", theirs.pk), far).status_code == 403

    publisher_client.post(sharelink_admin("changelist"), action)
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 404
