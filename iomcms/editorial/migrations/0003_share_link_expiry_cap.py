import datetime
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models


MAX_DAYS = 30


def clamp_expiry(apps, schema_editor):
    """Links set to last beyond the cap (an expiry typed in the admin) end at it; one
    set to expire before it was made expires a second after (it was never active)."""
    ShareLink = apps.get_model("iomcms", "ShareLink")
    cap = models.F("created_at") + datetime.timedelta(days=MAX_DAYS)
    ShareLink.objects.filter(expires_at__gt=cap).update(expires_at=cap)
    ShareLink.objects.filter(expires_at__lte=models.F("created_at")).update(
        expires_at=models.F("created_at") + datetime.timedelta(seconds=1)
    )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('iomcms', '0002_workflow_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(clamp_expiry, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='sharelink',
            constraint=models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('created_at')), ('expires_at__lte', django.db.models.expressions.CombinedExpression(models.F('created_at'), '+', models.Value(datetime.timedelta(days=30))))), name='sharelink_expiry_within_cap', violation_error_message='A share link expires after it is made and within 30 days.'),
        ),
    ]
