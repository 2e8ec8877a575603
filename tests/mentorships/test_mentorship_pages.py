import pytest

from mentoring.mentorships.models import ExpectationChange, Mentorship
from mentoring.notifications.models import Notification
from mentoring.profiles.models import Area
from tests.factories import make_clerkship, make_mentor, make_mentorship, make_rotation, make_user


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee, focus_areas=Area.objects.filter(slug="research"))


@pytest.mark.django_db
def test_my_mentors_shows_network_and_gaps(
    client, mentee, mentorship, django_assert_max_num_queries
):
    profile = mentee.mentee_profile
    profile.areas_sought.set(Area.objects.filter(slug__in=["research", "wellbeing"]))
    second = make_mentor(make_user(display_name="Dr. Second"))
    make_mentorship(second, mentee, focus_areas=Area.objects.filter(slug="teaching"))
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        page = client.get("/mentorships/mentors/").content.decode()
    assert "Dr. Ines Alvarez" in page and "Dr. Second" in page
    assert "Helps with Research" in page
    gaps = page.split("Areas nobody covers yet")[1]
    assert "Work-life balance and wellbeing" in gaps and "Research" not in gaps


@pytest.mark.django_db
def test_my_mentors_empty_state(client, outsider):
    client.force_login(outsider)
    assert "You have no mentor yet." in client.get("/mentorships/mentors/").content.decode()


@pytest.mark.django_db
def test_my_mentees(client, mentor, mentorship, django_assert_max_num_queries):
    for _ in range(2):
        from tests.factories import make_mentee

        make_mentorship(mentor, make_mentee())
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get("/mentorships/mentees/").content.decode()
    assert "Sam Okafor" in page and "Preclinical years" in page and "not yet" in page


@pytest.mark.django_db
def test_detail_only_for_the_pair(
    client,
    mentorship,
    mentee,
    mentor,
    outsider,
    other_faculty,
    coordinator,
    staff,
    django_assert_max_num_queries,
):
    for person in (mentee, mentor):
        client.force_login(person)
        with django_assert_max_num_queries(10):
            assert client.get(f"/mentorships/{mentorship.pk}/").status_code == 200
    for person in (outsider, other_faculty, coordinator, staff):
        client.force_login(person)
        assert client.get(f"/mentorships/{mentorship.pk}/").status_code == 404


@pytest.mark.django_db
def test_pause_resume_and_close_with_reflection(client, mentorship, mentee, mentor):
    client.force_login(mentee)
    client.post(f"/mentorships/{mentorship.pk}/pause/")
    mentorship.refresh_from_db()
    assert mentorship.status == "paused"
    assert Notification.objects.filter(recipient=mentor, kind="mentorship.paused").exists()
    client.post(f"/mentorships/{mentorship.pk}/resume/")
    mentorship.refresh_from_db()
    assert mentorship.status == "active"

    assert (
        "Close your mentorship with Dr. Ines Alvarez?"
        in client.get(f"/mentorships/{mentorship.pk}/close/").content.decode()
    )
    client.post(
        f"/mentorships/{mentorship.pk}/close/",
        {"reason": "goals_met", "reflection": "I matched into psychiatry."},
    )
    mentorship.refresh_from_db()
    assert (mentorship.status, mentorship.close_reason, mentorship.closed_by) == (
        "closed",
        "goals_met",
        mentee,
    )
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.active_mentee_count == 0
    assert Notification.objects.filter(recipient=mentor, kind="mentorship.closed").exists()
    client.force_login(mentor)
    assert (
        "I matched into psychiatry."
        in client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    )
    assert "Earlier mentees" in client.get("/mentorships/mentees/").content.decode()


@pytest.mark.django_db
def test_close_needs_a_reason_and_twice_is_harmless(client, mentorship, mentor):
    client.force_login(mentor)
    response = client.post(f"/mentorships/{mentorship.pk}/close/", {"reason": ""})
    assert "This field is required." in response.content.decode()
    client.post(f"/mentorships/{mentorship.pk}/close/", {"reason": "no_time"})
    response = client.post(
        f"/mentorships/{mentorship.pk}/close/", {"reason": "no_time"}, follow=True
    )
    assert "This mentorship is already closed." in response.content.decode()
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.active_mentee_count == 0


@pytest.mark.django_db
def test_propose_and_accept_a_change(client, mentorship, mentee, mentor):
    client.force_login(mentee)
    client.post(
        f"/mentorships/{mentorship.pk}/change/",
        {
            "cadence_days": "7",
            "meeting_minutes": "30",
            "main_mode": "video",
            "response_hours": "24",
            "reassess_every_days": "60",
            "note": "Step 1 is close.",
        },
    )
    change = ExpectationChange.objects.get()
    mentorship.refresh_from_db()
    assert mentorship.cadence_days == 14  # unchanged until the partner accepts
    client.post(f"/mentorships/{mentorship.pk}/change/{change.pk}/answer/", {"answer": "accept"})
    change.refresh_from_db()
    assert change.status == "pending"  # the proposer cannot accept their own proposal

    client.force_login(mentor)
    page = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert "Sam Okafor proposes: every 7 days" in page
    client.post(f"/mentorships/{mentorship.pk}/change/{change.pk}/answer/", {"answer": "accept"})
    mentorship.refresh_from_db()
    assert (mentorship.cadence_days, mentorship.main_mode, mentorship.reassess_every_days) == (
        7,
        "video",
        60,
    )
    assert Notification.objects.filter(recipient=mentee, kind="expectations.answered").exists()


@pytest.mark.django_db
def test_change_out_of_range_is_refused(client, mentorship, mentor):
    client.force_login(mentor)
    response = client.post(
        f"/mentorships/{mentorship.pk}/change/",
        {
            "cadence_days": "0",
            "meeting_minutes": "900",
            "main_mode": "video",
            "response_hours": "24",
            "reassess_every_days": "90",
        },
    )
    page = response.content.decode()
    assert "Ensure this value is greater than or equal to 1." in page
    assert "Ensure this value is less than or equal to 240." in page
    assert not ExpectationChange.objects.exists()


@pytest.mark.django_db
def test_conflict_of_interest_notice(client, mentor, mentee, mentorship):
    clerkship = make_clerkship("Psychiatry", graders=[mentor])
    make_rotation(mentee, clerkship)
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert "Conflict of interest:" in page and "your mentor also grades" in page
    client.force_login(mentor)
    assert "you also grade" in client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert Mentorship.objects.get().status == "active"  # still allowed
