"""Programmes (issue 20), last step: the stage is the programme's stage (0012 copied it)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('profiles', '0013_into_default_programme'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='menteeprofile',
            name='stage',
        ),
        migrations.RenameField(
            model_name='menteeprofile',
            old_name='programme_stage',
            new_name='stage',
        ),
    ]
