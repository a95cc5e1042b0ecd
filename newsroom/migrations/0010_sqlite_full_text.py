from django.db import migrations

from iomcms.search import fts_operation


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0009_expiry")]

    operations = [
        fts_operation(
            "newsroom_newsrelease",
            {"A": ["title"], "B": ["summary", "location"], "C": ["body"]},
        ),
        fts_operation("newsroom_statement", {"A": ["title"], "B": ["institution"], "C": ["body"]}),
    ]
