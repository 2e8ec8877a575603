"""Programmes (issue 20): every clerkship belongs to a programme. First the column; 0005
puts the clerkships made before programmes in the default one, 0006 requires it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clerkships', '0003_waiting_rotation'),
        ('programmes', '0002_default_programme'),
    ]

    operations = [
        migrations.AddField(
            model_name='clerkship',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='clerkships', to='programmes.programme'),
        ),
    ]
