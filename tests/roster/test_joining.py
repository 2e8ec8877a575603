"""At the first sign-in with a confirmed address, the roster entry is applied once: the
name if they gave none, the profile for the role with the stage or department, and the
rotations imported for that address. An unconfirmed address takes nothing."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from mentoring.clerkships.models import Rotation, WaitingRotation
from mentoring.profiles.models import Department, MentorProfile
from mentoring.roster.joining import apply_roster
from mentoring.roster.models import RosterEntry
from tests.factories import make_user, stage_of

PASSWORD = "stethoscope-lantern-42"


def entry(email, role="student", **fields):
    return RosterEntry.objects.create(
        email=email, name=fields.pop("name", "Roster Name"), role=role, programme="MD",
        programme_key="md", **fields,
    )  # fmt: skip


def sign_up(client, email, name, roles, mailoutbox):
    client.post(
        "/accounts/signup/",
        {"email": email, "display_name": name, "roles": roles,
         "password1": PASSWORD, "password2": PASSWORD},
    )  # fmt: skip
    return User.objects.get(email__iexact=email)


def confirm_address(client, mailoutbox):
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", mailoutbox[-1].body)
    client.post(link.group(1))


@pytest.mark.django_db
def test_a_student_signs_up_confirms_and_finds_their_roster_data_and_rotations(
    client, clerkship, coordinator, mailoutbox
):
    entry("nia@med.example.edu", stage="clerkship")
    WaitingRotation.objects.create(
        email="nia@med.example.edu", clerkship=clerkship, starts_on=datetime.date(2031, 1, 6),
        ends_on=datetime.date(2031, 2, 14), added_by=coordinator, added_by_email=coordinator.email,
    )  # fmt: skip
    # They tick "mentoring" at sign-up; the roster adds the role it knows them in.
    user = sign_up(client, "Nia@med.example.edu", "Nia S.", ["mentor"], mailoutbox)
    assert RosterEntry.objects.get().joined_at is None  # not confirmed yet: nothing
    assert not hasattr(user, "mentee_profile")

    confirm_address(client, mailoutbox)
    user = User.objects.get(pk=user.pk)
    assert user.display_name == "Nia S."  # their own choice stays
    assert user.mentee_profile.stage.name == "Clerkship year"
    assert hasattr(user, "mentor_profile")
    [rotation] = Rotation.objects.filter(student=user)
    assert rotation.clerkship == clerkship
    joined = RosterEntry.objects.get()
    assert joined.user == user and joined.joined_at is not None

    client.force_login(user)
    page = client.get("/rotations/").content.decode()
    assert "Internal Medicine" in page


@pytest.mark.django_db
def test_faculty_get_their_department_and_a_name_they_left_to_the_default(db):
    psychiatry = Department.objects.create(name="Psychiatry")
    entry("ines@med.example.edu", role="faculty", name="Dr. Ines Alvarez", department="Psychiatry")
    user = make_user(email="ines@med.example.edu", display_name="ines")
    address = EmailAddress.objects.create(user=user, email=user.email, verified=True)
    address.save()  # allauth saves a confirmed address twice: applied once

    user.refresh_from_db()
    assert user.display_name == "Dr. Ines Alvarez"
    assert user.mentor_profile.department == psychiatry
    assert user.mentor_profile.display_name == "Dr. Ines Alvarez"
    assert not hasattr(user, "mentee_profile")
    # On the faculty roster: verified as faculty (profiles/verification.py).
    profile = MentorProfile.objects.get(user=user)
    assert (profile.verified_how, profile.verified_by) == ("roster", None)
    assert RosterEntry.objects.get().user == user


@pytest.mark.django_db
def test_an_unconfirmed_address_takes_nothing_and_apply_roster_is_for_sso(db):
    entry("sam@med.example.edu", stage="final")
    user = make_user(email="sam@med.example.edu")
    User.objects.filter(pk=user.pk).update(display_name="")  # as an IdP without names leaves it
    user.refresh_from_db()
    EmailAddress.objects.create(user=user, email=user.email, verified=False)
    assert apply_roster(user) is False
    assert RosterEntry.objects.get().joined_at is None

    # What single sign-on calls after its sign-in, the address confirmed by the school's IdP.
    EmailAddress.objects.filter(user=user).update(verified=True)
    assert apply_roster(user) is True
    assert apply_roster(user) is False  # once
    user.refresh_from_db()
    assert (user.display_name, user.mentee_profile.stage.name) == ("Roster Name", "Final year")


@pytest.mark.django_db
def test_a_stage_they_chose_is_kept(db):
    from tests.factories import make_mentee

    entry("kim@med.example.edu", stage="final")
    user = make_mentee(make_user(email="kim@med.example.edu"))
    user.mentee_profile.stage = stage_of("preclinical")
    user.mentee_profile.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True)
    user.mentee_profile.refresh_from_db()
    assert user.mentee_profile.stage.name == "Preclinical years"
