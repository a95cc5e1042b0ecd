from django.db import migrations

from iomcms.search import inline_vector_operation


class Migration(migrations.Migration):
    # VACUUM FULL cannot run inside a transaction.
    atomic = False

    dependencies = [("projects", "0009_sqlite_full_text")]

    operations = [inline_vector_operation("projects_project")]
