"""Migration 0011: every mentor profile that existed before verification counts as verified
("before"), so that a running school's directory loses no one when it is deployed."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentor, make_user

pytestmark = pytest.mark.django_db

migration = importlib.import_module("mentoring.profiles.migrations.0011_faculty_verification")


def test_existing_mentors_are_verified_as_before_and_stay_listed_as_they_were(client, outsider):
    # Rows as they stood before the migration: listed by the old rule, nobody verified.
    listed = make_mentor(make_user(display_name="Dr. Listed"), verified_at=None)
    incomplete = make_mentor(
        make_user(display_name="Dr. Incomplete"), is_complete=False, verified_at=None
    )
    inactive = make_mentor(make_user(display_name="Dr. Gone", is_active=False), verified_at=None)
    MentorProfile.objects.filter(user=listed).update(is_listed=True)
    staff = make_user(is_staff=True)
    since = timezone.now()
    approved = make_mentor(make_user(display_name="Dr. Approved"), verified_how="staff")
    MentorProfile.objects.filter(user=approved).update(verified_by=staff, verified_at=since)

    migration.verify_existing_mentors(apps, None)

    rows = {
        p.display_name: (p.verified_how, p.verified_at is not None, p.is_listed)
        for p in MentorProfile.objects.all()
    }
    assert rows == {
        "Dr. Listed": ("before", True, True),
        "Dr. Incomplete": ("before", True, False),
        "Dr. Gone": ("before", True, False),
        "Dr. Approved": ("staff", True, True),
    }
    kept = MentorProfile.objects.get(user=approved)
    assert (kept.verified_at, kept.verified_by) == (since, staff)
    client.force_login(outsider)
    assert "Dr. Listed" in client.get("/mentors/").content.decode()
    # Listed as the rule says from now on: the one who completes their profile is listed.
    profile = MentorProfile.objects.get(user=incomplete)
    profile.is_complete = True
    profile.save(update_fields=["is_complete", "is_listed"])
    assert MentorProfile.objects.get(user=incomplete).is_listed
    assert not MentorProfile.objects.get(user=inactive).is_listed
