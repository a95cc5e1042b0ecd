"""The two editorial roles.

Editors add, change and view content; Publishers may also publish and delete it.
Neither may touch users or groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = {
    "projects": ["region", "country", "project"],
    "newsroom": [
        "office", "contact", "theme", "newsrelease", "releasecontact", "summit", "statement",
    ],
}
PUBLISH_PERMISSIONS = {
    "projects": ["publish_project"],
    "newsroom": ["publish_contact", "publish_newsrelease", "publish_statement"],
}


def content_codenames(actions):
    return {
        (app_label, f"{action}_{model}")
        for app_label, models in CONTENT_MODELS.items()
        for model in models
        for action in actions
    }


def create_groups(apps, schema_editor):
    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(keys):
        return [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in sorted(keys)
        ]

    # Removing a media contact from a release deletes the link, not the contact.
    editing = content_codenames(["add", "change", "view"]) | {
        ("newsroom", "delete_releasecontact")
    }
    publishing = content_codenames(["delete"]) | {
        (app_label, codename)
        for app_label, codenames in PUBLISH_PERMISSIONS.items()
        for codename in codenames
    }
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(permissions(editing))
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.set(permissions(editing | publishing))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0002_regions_and_countries"),
        ("newsroom", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
