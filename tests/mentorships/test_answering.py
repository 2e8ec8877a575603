import pytest

from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentor, make_user

EXPECTATIONS = {
    "cadence_days": "14",
    "meeting_minutes": "45",
    "main_mode": "video",
    "response_hours": "24",
    "reassess_every_days": "90",
}


@pytest.fixture
def pending(mentee, mentor):
    return asking.ask(mentee, mentor, message="canary-ask", areas=[])


@pytest.mark.django_db
def test_faculty_inbox_and_accept_with_expectations(
    client, pending, mentor, mentee, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(10):
        inbox = client.get("/requests/").content.decode()
    assert "Request: Sam Okafor and Dr. Ines Alvarez" in inbox
    with django_assert_max_num_queries(12):
        detail = client.get(f"/requests/{pending.pk}/").content.decode()
    assert "canary-ask" in detail and "Full profile and vision" in detail

    response = client.post(f"/requests/{pending.pk}/accept/", {**EXPECTATIONS, "focus_areas": []})

    mentorship = Mentorship.objects.get()
    assert response["Location"] == f"/mentorships/{mentorship.pk}/"
    assert (mentorship.mentor, mentorship.mentee, mentorship.status) == (mentor, mentee, "active")
    assert (mentorship.cadence_days, mentorship.meeting_minutes, mentorship.main_mode) == (
        14,
        45,
        "video",
    )
    pending.refresh_from_db()
    assert pending.status == "accepted" and pending.mentorship == mentorship
    mentor.mentor_profile.refresh_from_db()
    assert (
        mentor.mentor_profile.active_mentee_count,
        mentor.mentor_profile.pending_request_count,
    ) == (1, 0)
    assert Notification.objects.filter(recipient=mentee, kind="request.accepted").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, message",
    [
        ("cadence_days", "0", "Ensure this value is greater than or equal to 1."),
        ("meeting_minutes", "900", "Ensure this value is less than or equal to 240."),
        ("main_mode", "carrier-pigeon", "Select a valid choice."),
    ],
)
def test_expectations_out_of_range_are_refused(client, pending, mentor, field, value, message):
    client.force_login(mentor)
    response = client.post(f"/requests/{pending.pk}/accept/", {**EXPECTATIONS, field: value})
    assert message in response.content.decode()
    assert not Mentorship.objects.exists()
    pending.refresh_from_db()
    assert pending.status == "pending"


@pytest.mark.django_db
def test_accepting_a_request_withdrawn_a_second_ago(client, pending, mentor, mentee):
    client.force_login(mentor)
    client.get(f"/requests/{pending.pk}/accept/")
    asking.withdraw(pending, mentee)
    response = client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS, follow=True)
    assert "This was withdrawn already." in response.content.decode()
    assert not Mentorship.objects.exists()


@pytest.mark.django_db
def test_mentee_cannot_accept_own_request(client, pending, mentee):
    client.force_login(mentee)
    assert client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS).status_code == 403
    assert client.get(f"/requests/{pending.pk}/decline/").status_code == 403
    assert not Mentorship.objects.exists()


@pytest.mark.django_db
def test_double_accept_is_harmless(client, pending, mentor):
    client.force_login(mentor)
    client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS)
    response = client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS, follow=True)
    assert "This was accepted already." in response.content.decode()
    assert Mentorship.objects.count() == 1
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.active_mentee_count == 1


@pytest.mark.django_db
def test_accepting_when_full_says_so(client, pending, mentor):
    mentor.mentor_profile.capacity = 0
    mentor.mentor_profile.save()
    client.force_login(mentor)
    response = client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS, follow=True)
    assert "has no places free. Raise the capacity" in response.content.decode()
    assert not Mentorship.objects.exists()


@pytest.mark.django_db
def test_other_pending_requests_stay_and_mentee_is_asked(client, mentee, mentor, pending):
    other = asking.ask(mentee, make_mentor(), message="another ask")
    client.force_login(mentor)
    client.post(f"/requests/{pending.pk}/accept/", EXPECTATIONS)
    other.refresh_from_db()
    assert other.status == "pending"
    note = Notification.objects.get(recipient=mentee, kind="request.accepted")
    assert "You have 1 other request waiting." in note.body


@pytest.mark.django_db
def test_decline_with_the_kind_default(client, pending, mentor, mentee):
    client.force_login(mentor)
    form = client.get(f"/requests/{pending.pk}/decline/").content.decode()
    assert "Thank you for asking me." in form
    client.post(f"/requests/{pending.pk}/decline/", {"message": ""})
    pending.refresh_from_db()
    assert pending.status == "declined"
    assert pending.answer_message.startswith("Thank you for asking me.")
    assert Notification.objects.filter(recipient=mentee, kind="request.declined").exists()
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.pending_request_count == 0


@pytest.mark.django_db
def test_refer_to_a_colleague_and_follow_in_one_click(client, pending, mentor, mentee):
    colleague = make_mentor(
        make_user(display_name="Dr. Colleague Pharm"), interests=["pharmacology"]
    )
    colleague.mentor_profile.refresh_search_text()
    client.force_login(mentor)
    page = client.get(f"/requests/{pending.pk}/refer/?q=pharmacology").content.decode()
    assert "Dr. Colleague Pharm" in page
    client.post(
        f"/requests/{pending.pk}/refer/",
        {"colleague": colleague.pk, "note": "She runs the pharmacology research group."},
    )
    pending.refresh_from_db()
    assert (pending.status, pending.referred_to) == ("referred", colleague)
    note = Notification.objects.get(recipient=mentee, kind="request.referred")
    assert note.title == "Dr. Ines Alvarez suggests you ask Dr. Colleague Pharm"

    client.force_login(mentee)
    assert (
        "Ask Dr. Colleague Pharm with the same message"
        in client.get(f"/requests/{pending.pk}/").content.decode()
    )
    client.post(f"/requests/{pending.pk}/follow-referral/")
    follow_up = MentorshipRequest.objects.get(mentor=colleague)
    assert (follow_up.mentee, follow_up.message, follow_up.referred_from) == (
        mentee,
        "canary-ask",
        pending,
    )
    response = client.post(f"/requests/{pending.pk}/follow-referral/", follow=True)
    assert "You asked Dr. Colleague Pharm already." in response.content.decode()


@pytest.mark.django_db
def test_refer_to_someone_not_listed_is_refused(client, pending, mentor):
    student = make_mentee()
    client.force_login(mentor)
    response = client.post(f"/requests/{pending.pk}/refer/", {"colleague": student.pk})
    assert "Choose one of the colleagues listed" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


@pytest.mark.django_db
def test_stop_accepting_then_decline_waiting_requests(client, pending, mentor, mentee):
    client.force_login(mentor)
    profile = mentor.mentor_profile
    data = {
        "title": "Professor",
        "department": profile.department_id,
        "career_stage": "mid",
        "capacity": "3",
        "response_hours": "24",
        "interests_text": "pharmacology",
        "modes": ["in_person"],
    }
    response = client.post("/profile/mentor/", data)  # is_accepting left unticked
    assert response["Location"] == "/requests/stop-accepting/"
    page = client.get("/requests/stop-accepting/").content.decode()
    assert "One student is waiting for your answer: Sam Okafor." in page
    client.post("/requests/stop-accepting/", {"choice": "decline", "message": "On sabbatical."})
    pending.refresh_from_db()
    assert (pending.status, pending.answer_message) == ("declined", "On sabbatical.")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "", "-1", "99999999"])
def test_malformed_referral_choice_is_a_form_error(client, pending, mentor, value):
    client.force_login(mentor)
    response = client.post(f"/requests/{pending.pk}/refer/", {"colleague": value})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"
