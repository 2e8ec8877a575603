import datetime

import pytest
from django.utils import timezone

from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.models import Notification
from tests.factories import make_clerkship, make_mentee, make_rotation, make_user

EXPECTATIONS = {
    "cadence_days": "30",
    "meeting_minutes": "60",
    "main_mode": "in_person",
    "response_hours": "48",
    "reassess_every_days": "90",
}


@pytest.fixture
def rotation_world(mentor, mentee):
    """The mentor teaches in Internal Medicine, where the mentee rotates now."""
    clerkship = make_clerkship("Internal Medicine", teachers=[mentor])
    make_rotation(mentee, clerkship)
    return clerkship


@pytest.mark.django_db
def test_faculty_sees_roster_and_invites(
    client, mentor, mentee, rotation_world, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        roster = client.get("/requests/roster/").content.decode()
    assert "Sam Okafor" in roster and "Internal Medicine" in roster
    url = f"/requests/invite/{mentee.mentee_profile.pk}/"
    client.post(url, {"message": "I enjoyed your presentation on rounds.", "areas": []})
    invitation = MentorshipRequest.objects.get()
    assert (invitation.kind, invitation.created_by, invitation.status) == (
        "invite",
        mentor,
        "pending",
    )
    assert Notification.objects.filter(recipient=mentee, kind="invitation.new").exists()

    client.force_login(mentee)
    client.post(f"/requests/{invitation.pk}/accept/", EXPECTATIONS)
    assert Mentorship.objects.get().mentor == mentor


@pytest.mark.django_db
def test_faculty_cannot_invite_a_student_they_cannot_see(client, mentor, outsider):
    client.force_login(mentor)
    assert client.get(f"/requests/invite/{outsider.mentee_profile.pk}/").status_code == 404
    assert not MentorshipRequest.objects.exists()


@pytest.mark.django_db
def test_student_declines_an_invitation(client, mentor, mentee, rotation_world):
    client.force_login(mentor)
    client.post(f"/requests/invite/{mentee.mentee_profile.pk}/", {"message": "Hello"})
    invitation = MentorshipRequest.objects.get()
    client.force_login(mentee)
    client.post(f"/requests/{invitation.pk}/decline/", {"message": "Thank you, not now."})
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert Notification.objects.get(recipient=mentor, kind="request.declined").body == (
        "Thank you, not now."
    )


@pytest.mark.django_db
def test_mentee_registers_existing_relationship_and_mentor_confirms(client, mentor, mentee):
    since = timezone.localdate() - datetime.timedelta(days=200)
    client.force_login(mentee)
    page = client.get(f"/mentors/{mentor.mentor_profile.pk}/").content.decode()
    assert "We already meet: record it" in page
    client.post(
        f"/requests/register/?mentor={mentor.mentor_profile.pk}",
        {"mentor": mentor.mentor_profile.pk, "since_on": since.isoformat(), "message": ""},
    )
    registration = MentorshipRequest.objects.get()
    assert (registration.kind, registration.since_on) == ("register", since)
    assert not Mentorship.objects.exists()  # not until the other side confirms

    client.force_login(mentor)
    client.post(f"/requests/{registration.pk}/accept/", EXPECTATIONS)
    mentorship = Mentorship.objects.get()
    assert (mentorship.started_on, mentorship.status) == (since, "active")


@pytest.mark.django_db
def test_mentor_registers_existing_mentee_by_email(client, mentor, mentee):
    client.force_login(mentor)
    client.post(
        "/requests/register/",
        {"mentee_email": mentee.email.upper(), "since_on": "2025-03-01"},
    )
    registration = MentorshipRequest.objects.get()
    assert (registration.mentee, registration.created_by) == (mentee, mentor)
    assert Notification.objects.filter(recipient=mentee, kind="register.new").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"mentee_email": "nobody@med.example.edu", "since_on": "2025-03-01"},
            "No one looking for mentors has that address here.",
        ),
        (
            {"mentee_email": "x@med.example.edu", "since_on": "2999-01-01"},
            "The start date can&#x27;t be in the future.",
        ),
        (
            {"mentee_email": "x@med.example.edu", "since_on": "1900-01-01"},
            "Enter a date after 1990.",
        ),
        ({"mentee_email": "x@med.example.edu", "since_on": "March"}, "Enter a valid date."),
    ],
)
def test_bad_registration_is_refused(client, mentor, data, message):
    make_mentee(make_user(email="x@med.example.edu"))
    client.force_login(mentor)
    response = client.post("/requests/register/", data)
    assert message in response.content.decode()
    assert not MentorshipRequest.objects.exists()


@pytest.mark.django_db
def test_registration_for_an_unknown_mentor_is_404(client, mentee):
    client.force_login(mentee)
    assert client.get("/requests/register/?mentor=999999").status_code == 404
    assert client.get("/requests/register/?mentor=abc").status_code == 404
