"""Unset stays unset: a new mentee has no stage and no way of meeting until they say;
a mentor is listed once their profile has interests, areas offered and a capacity they
chose (is_complete, capacity_set_at).

Existing rows keep their values. Existing mentors' capacities were theirs to edit, so they
count as set; those without interests or areas leave the directory until they add them.
"""

from django.db import migrations, models
from django.db.models import Exists, F, OuterRef


def mark_existing_mentors(apps, schema_editor):
    MentorProfile = apps.get_model("profiles", "MentorProfile")
    interests = MentorProfile.interests.through.objects.filter(mentorprofile_id=OuterRef("pk"))
    areas = MentorProfile.areas.through.objects.filter(mentorprofile_id=OuterRef("pk"))
    MentorProfile.objects.update(capacity_set_at=F("updated_at"))
    MentorProfile.objects.filter(Exists(interests), Exists(areas)).update(is_complete=True)
    MentorProfile.objects.filter(is_complete=False).update(is_listed=False)


class Migration(migrations.Migration):

    dependencies = [
        ('profiles', '0009_contact_details_and_availability'),
    ]

    operations = [
        migrations.AddField(
            model_name='mentorprofile',
            name='capacity_set_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='mentorprofile',
            name='is_complete',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name='menteeprofile',
            name='mode_in_person',
            field=models.BooleanField(default=False, verbose_name='in person'),
        ),
        migrations.AlterField(
            model_name='menteeprofile',
            name='stage',
            field=models.CharField(blank=True, choices=[('preclinical', 'Preclinical years'), ('clerkship', 'Clerkship year'), ('final', 'Final year'), ('resident', 'Resident')], db_index=True, default='', max_length=12, verbose_name='stage of training'),
        ),
        migrations.AlterField(
            model_name='mentorprofile',
            name='is_listed',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name='mentorprofile',
            name='mode_in_person',
            field=models.BooleanField(default=False, verbose_name='in person'),
        ),
        migrations.RunPython(mark_existing_mentors, migrations.RunPython.noop),
    ]
