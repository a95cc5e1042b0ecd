"""The admin works under the site's Content-Security-Policy: no page breaks on it."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN_PAGES = [
    "/admin/",
    "/admin/newsroom/newsrelease/",
    "/admin/newsroom/newsrelease/add/",
    "/admin/projects/project/",
    "/admin/projects/project/import/",
    "/admin/projects/project/export/",
    "/admin/newsroom/contact/export/",
]


def test_admin_pages_raise_no_policy_violations(page, site):
    User.objects.create_superuser("chief", password="a-long-password")
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()
    for path in ADMIN_PAGES:
        page.goto(site + path)
    page.goto(site + "/admin/newsroom/newsrelease/add/")
    page.locator("#id_title").press_sequentially("Policy check")
    assert page.locator("#id_slug").input_value() == "policy-check"  # admin scripts run
    assert violations == []
