"""Spreadsheets: Publishers may import and export; Editors may export."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SPREADSHEET_MODELS = {
    "projects": ["country", "project"],
    "newsroom": ["office", "contact", "newsrelease", "statement"],
}
ROLES = {"Editors": ["export"], "Publishers": ["import", "export"]}


def codenames(actions):
    return [
        (app_label, f"{action}_{model}")
        for app_label, models in SPREADSHEET_MODELS.items()
        for model in models
        for action in actions
    ]


def grant(apps, schema_editor):
    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *[
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in codenames(actions)
            ]
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(
            *Permission.objects.filter(codename__in=[c for _, c in codenames(["import", "export"])])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0006_spreadsheet_permissions"),
        ("newsroom", "0006_spreadsheet_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
