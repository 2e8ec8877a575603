from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ('clerkships', '0005_into_default_programme'),
    ]

    operations = [
        migrations.AlterField(
            model_name='clerkship',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='clerkships', to='programmes.programme'),
        ),
    ]
