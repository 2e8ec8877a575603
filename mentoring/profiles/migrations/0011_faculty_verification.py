"""Verified faculty: a mentor is listed only once verified as faculty (verification.py).

Every mentor profile that exists when this runs counts as verified, how="before" (listed
before verification existed), so that a running school loses no mentor from its
directory; is_listed is unchanged by it. Profiles made from now on wait for verification.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Now


def verify_existing_mentors(apps, schema_editor):
    MentorProfile = apps.get_model("profiles", "MentorProfile")
    MentorProfile.objects.filter(verified_at=None).update(
        verified_at=Now(), verified_how="before", refused_at=None, refused_reason=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0010_unset_stays_unset"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="mentorprofile",
            name="refused_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="refused_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="refused_reason",
            field=models.TextField(blank=True, editable=False, max_length=1000),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="verification_asked_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="verified_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="verified_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="verified_how",
            field=models.CharField(
                blank=True,
                choices=[
                    ("idp", "The institution's sign-in says faculty"),
                    ("roster", "On the faculty roster"),
                    ("staff", "Approved by staff"),
                    ("domain", "Signed up with a school address (verification off)"),
                    ("before", "Listed before verification existed"),
                ],
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="mentorprofile",
            index=models.Index(
                condition=models.Q(("refused_at", None), ("verified_at", None)),
                fields=["verification_asked_at", "id"],
                name="mentor_awaiting_verification",
            ),
        ),
        migrations.RunPython(verify_existing_mentors, migrations.RunPython.noop),
    ]
