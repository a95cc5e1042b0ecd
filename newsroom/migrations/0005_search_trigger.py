from django.db import migrations

from iomcms.search import search_trigger_operation


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0004_searchable")]

    operations = [
        search_trigger_operation(
            "newsroom_newsrelease",
            {"A": ["title"], "B": ["summary", "location"], "C": ["body"]},
        ),
        search_trigger_operation(
            "newsroom_statement", {"A": ["title"], "B": ["institution"], "C": ["body"]}
        ),
    ]
