"""Programmes (issue 20), first step: the new columns beside the old stage. 0013 fills
them, 0014 drops the old stage text and gives its name to the new stage."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('profiles', '0011_faculty_verification'),
        ('programmes', '0002_default_programme'),
    ]

    operations = [
        migrations.AddField(
            model_name='menteeprofile',
            name='programme',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='students', to='programmes.programme'),
        ),
        migrations.AddField(
            model_name='menteeprofile',
            name='programme_stage',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='students', to='programmes.stage', verbose_name='stage of training'),
        ),
        migrations.AddField(
            model_name='mentorprofile',
            name='programmes',
            field=models.ManyToManyField(blank=True, related_name='mentors', to='programmes.programme', verbose_name='I mentor in'),
        ),
    ]
