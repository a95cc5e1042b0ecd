from django.db import migrations

from iomcms.search import search_trigger_operation


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_searchable")]

    operations = [
        search_trigger_operation(
            "projects_project",
            {"A": ["title"], "B": ["project_code", "prima_id", "project_type"], "C": ["description"]},
        ),
    ]
