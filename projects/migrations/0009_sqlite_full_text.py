from django.db import migrations

from iomcms.search import fts_operation


class Migration(migrations.Migration):
    dependencies = [("projects", "0008_list_order_index")]

    operations = [
        fts_operation(
            "projects_project",
            {"A": ["title"], "B": ["project_code", "prima_id", "project_type"], "C": ["description"]},
        ),
    ]
