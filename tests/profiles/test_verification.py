"""A mentor is listed (directory, search, recommendations, suggestions) only once verified as
faculty: by the institution's sign-in, the roster or staff; verify() is idempotent."""

import pytest
from django.urls import reverse

from mentoring.audit.models import FacultyDecision
from mentoring.notifications.models import Notification
from mentoring.profiles.listing import is_listable
from mentoring.profiles.models import MentorProfile, VerifiedHow
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import refuse, verify
from tests.factories import make_mentee, make_mentor, make_user

pytestmark = pytest.mark.django_db


def newcomer(name="Dr. Nadia Quist"):
    """Complete in every way (interests, areas, capacity), and not verified."""
    user = make_mentor(
        make_user(display_name=name),
        interests=["Pharmacology"],
        areas=["research"],
        verified_at=None,
    )
    profile_of(user).refresh_search_text()  # searchable by name, as after the set-up
    return user


def profile_of(user):
    return MentorProfile.objects.get(user=user)


@pytest.fixture
def student():
    return make_mentee(
        make_user(display_name="Student Pharm"), interests=["Pharmacology"], areas=["research"]
    )


def test_an_unverified_mentor_is_not_shown_to_students(client, student):
    make_mentor(make_user(display_name="Dr. Verified Peer"), interests=["Pharmacology"])
    waiting = newcomer()
    client.force_login(student)
    for url in [
        reverse("matching:directory"),
        reverse("matching:directory") + "?q=quist",
        reverse("matching:directory") + "?interest=Pharmacology",
        reverse("matching:recommendations"),
    ]:
        page = client.get(url).content.decode()
        assert "Dr. Nadia Quist" not in page, url
    assert "Dr. Verified Peer" in client.get(reverse("matching:recommendations")).content.decode()
    profile = profile_of(waiting)
    assert client.get(reverse("matching:mentor", args=[profile.pk])).status_code == 404
    assert client.get(reverse("mentorships:ask", args=[profile.pk])).status_code == 404

    verify(waiting, how="staff", by=make_user(is_staff=True))
    assert (
        "Dr. Nadia Quist" in client.get(reverse("matching:directory") + "?q=quist").content.decode()
    )
    assert "Dr. Nadia Quist" in client.get(reverse("matching:recommendations")).content.decode()


def test_an_unverified_mentors_rare_interest_is_not_suggested(client, student):
    waiting = make_mentor(make_user(), interests=["Wilderness medicine"], verified_at=None)
    client.force_login(student)
    url = reverse("profiles:suggest-interests") + "?q=wilder"
    assert client.get(url).json() == {"suggestions": []}
    verify(waiting, how="roster")
    assert client.get(url).json() == {"suggestions": ["Wilderness medicine"]}


@pytest.mark.parametrize("how", ["idp", "roster", "staff"])
def test_each_route_verifies_and_lists_a_complete_profile(how):
    waiting, staff = newcomer(), make_user(is_staff=True)
    by = staff if how == "staff" else None
    assert verify(waiting, how=how, by=by) is True
    profile = profile_of(waiting)
    assert profile.is_listed and profile.verified_at is not None
    assert (profile.verified_how, profile.verified_by) == (how, by)
    # Only a staff member's decision is told to the person and audited.
    told = Notification.objects.filter(recipient=waiting, kind="listing.verified").count()
    assert told == (1 if how == "staff" else 0)
    assert FacultyDecision.objects.filter(mentor=waiting).count() == (1 if how == "staff" else 0)


def test_verifying_twice_keeps_the_first_verification():
    waiting, staff = newcomer(), make_user(is_staff=True)
    assert verify(waiting, how="roster") is True
    first = profile_of(waiting).verified_at
    assert verify(waiting, how="staff", by=staff) is False
    assert verify(waiting, how="idp") is False
    profile = profile_of(waiting)
    assert (profile.verified_at, profile.verified_how, profile.verified_by) == (
        first,
        "roster",
        None,
    )
    assert not Notification.objects.filter(recipient=waiting).exists()


def test_a_verified_incomplete_profile_waits_for_completeness():
    user = make_user(display_name="Dr. Half Done")
    add_roles(user, [Role.MENTOR])
    assert verify(user, how="idp")
    assert not profile_of(user).is_listed  # no interests, areas or capacity yet


def test_the_institution_or_the_roster_lifts_a_refusal():
    waiting, staff = newcomer(), make_user(is_staff=True)
    assert refuse(profile_of(waiting), by=staff, reason="Not on the faculty list.")
    assert not profile_of(waiting).is_listed
    assert verify(waiting, how="roster")
    profile = profile_of(waiting)
    assert profile.is_listed and (profile.refused_at, profile.refused_reason) == (None, "")


def test_someone_without_a_mentor_profile_is_left_alone():
    student = make_mentee()
    assert verify(student, how="idp") is False
    assert not MentorProfile.objects.filter(user=student).exists()


def test_a_staff_approval_must_say_who_and_an_unknown_route_is_refused():
    waiting = newcomer()
    with pytest.raises(ValueError):
        verify(waiting, how="staff")
    with pytest.raises(ValueError):
        verify(waiting, how="a friend said so")
    assert profile_of(waiting).verified_at is None


def test_deactivation_unlists_a_verified_mentor_and_reactivation_lists_again():
    user = make_mentor(make_user(display_name="Dr. Leaving"))
    user.is_active = False
    user.save()
    assert not profile_of(user).is_listed
    user.is_active = True
    user.save()
    assert profile_of(user).is_listed


def test_the_rule_needs_all_three():
    assert is_listable(is_active=True, is_complete=True, verified_at="then")
    for missing in ("is_active", "is_complete", "verified_at"):
        facts = {"is_active": True, "is_complete": True, "verified_at": "then"}
        facts[missing] = None
        assert not is_listable(**facts)


def test_a_new_mentor_waits_for_verification_by_default():
    user = make_user()
    add_roles(user, [Role.MENTOR])
    profile = profile_of(user)
    assert (profile.verified_at, profile.verified_how) == (None, "")


def test_with_verification_off_a_new_mentor_is_verified_by_the_sign_up_domain(settings):
    settings.MENTOR_VERIFICATION = False
    user = make_user()
    add_roles(user, [Role.MENTOR])
    profile = profile_of(user)
    assert profile.verified_at is not None and profile.verified_how == VerifiedHow.DOMAIN
    assert not profile.is_listed  # still only once complete
