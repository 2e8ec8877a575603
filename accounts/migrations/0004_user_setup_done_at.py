"""When a person finished or skipped the first-run set-up. People who have signed in
before it existed count as done (they have used their profile pages); an account never
signed in (made in the admin, say) is offered the set-up at its first sign-in."""

from django.db import migrations, models
from django.db.models import F


def mark_people_who_signed_in(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(last_login__isnull=False).update(setup_done_at=F("last_login"))


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_clean_control_characters'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='setup_done_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(mark_people_who_signed_in, migrations.RunPython.noop),
    ]
