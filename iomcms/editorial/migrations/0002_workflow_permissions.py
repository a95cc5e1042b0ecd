"""Share links for Editors and Publishers; the site-wide change log for Publishers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": ["add_sharelink", "change_sharelink", "view_sharelink"],
    "Publishers": ["add_sharelink", "change_sharelink", "view_sharelink", "view_change"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="iomcms", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="iomcms", codename__in=ROLES[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("iomcms", "0001_initial"),
        ("newsroom", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
