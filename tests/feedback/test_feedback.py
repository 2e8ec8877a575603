import pytest

from mentoring.feedback.models import Feedback, FeedbackRequest
from mentoring.goals.models import Goal
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentorship

CANARY = "canary-feedback-5d1e"


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)


@pytest.fixture
def shared_goal(mentee, mentorship):
    goal = Goal.objects.create(mentee=mentee, kind="medical", title="Learn physical exam skills")
    goal.shared_with.add(mentorship)
    return goal


def give_url(m):
    return f"/mentorships/{m.pk}/feedback/give/"


@pytest.mark.django_db
def test_mentor_gives_structured_feedback_tied_to_a_goal(
    client, mentor, mentee, mentorship, shared_goal, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(10):
        form = client.get(give_url(mentorship)).content.decode()
    assert "Strengths I see" in form and "Learn physical exam skills" in form
    assert "Pick one thing to work on" in form  # a prompt fitted to an early learner
    client.post(
        give_url(mentorship),
        {
            "goal": shared_goal.pk,
            "strengths": "Your cardiac exam was systematic.",
            "work_on": "Narrate findings as you go.",
            "next_challenge": "Present a new patient on Thursday.",
        },
    )
    feedback = Feedback.objects.get()
    assert (feedback.direction, feedback.goal, feedback.author) == (
        "to_mentee",
        shared_goal,
        mentor,
    )
    assert Notification.objects.filter(recipient=mentee, kind="feedback.new").exists()
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/feedback/").content.decode()
    assert "Your cardiac exam was systematic." in page and "Learn physical exam skills" in page


@pytest.mark.django_db
def test_mentee_gives_feedback_to_the_mentor(client, mentor, mentee, mentorship):
    client.force_login(mentee)
    form = client.get(give_url(mentorship)).content.decode()
    assert "What helps me" in form and "Strengths I see" not in form
    client.post(give_url(mentorship), {"what_helps": "Your questions.", "would_help_more": ""})
    assert Feedback.objects.get().direction == "to_mentor"
    assert Notification.objects.filter(recipient=mentor, kind="feedback.new").exists()


@pytest.mark.django_db
def test_empty_feedback_is_refused(client, mentor, mentorship):
    client.force_login(mentor)
    response = client.post(give_url(mentorship), {"strengths": " ", "work_on": ""})
    assert "Write at least one answer before sending." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_goal_not_shared_with_this_mentorship_is_refused(client, mentor, mentee, mentorship):
    private = Goal.objects.create(mentee=mentee, kind="personal", title="Private goal")
    client.force_login(mentor)
    response = client.post(give_url(mentorship), {"goal": private.pk, "strengths": "Good."})
    assert "Select a valid choice." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_mentee_asks_for_feedback_in_one_click(client, mentor, mentee, mentorship):
    client.force_login(mentee)
    client.post(f"/mentorships/{mentorship.pk}/feedback/ask/")
    client.post(f"/mentorships/{mentorship.pk}/feedback/ask/")  # a double click
    assert FeedbackRequest.objects.count() == 1
    assert Notification.objects.filter(recipient=mentor, kind="feedback.requested").count() == 1
    client.force_login(mentor)
    assert (
        "asked for your feedback"
        in client.get(f"/mentorships/{mentorship.pk}/feedback/").content.decode()
    )
    client.post(give_url(mentorship), {"strengths": "Steady progress."})
    assert FeedbackRequest.objects.get().answered_by == Feedback.objects.get()


@pytest.mark.django_db
def test_only_the_mentee_asks(client, mentor, mentorship):
    client.force_login(mentor)
    response = client.post(f"/mentorships/{mentorship.pk}/feedback/ask/", follow=True)
    assert "Only the mentee asks for feedback here." in response.content.decode()
    assert not FeedbackRequest.objects.exists()


@pytest.mark.django_db
def test_feedback_is_for_the_pair_only(
    client, mentor, mentee, mentorship, outsider, other_faculty, coordinator, staff
):
    Feedback.objects.create(
        mentorship=mentorship, author=mentor, direction="to_mentee", strengths=CANARY
    )
    second_mentor_of_mentee = make_mentorship(other_faculty, mentee)
    for person in (outsider, other_faculty, coordinator, staff):
        client.force_login(person)
        assert client.get(f"/mentorships/{mentorship.pk}/feedback/").status_code == 404
        assert client.get(give_url(mentorship)).status_code == 404
    client.force_login(other_faculty)
    page = client.get(f"/mentorships/{second_mentor_of_mentee.pk}/feedback/").content.decode()
    assert CANARY not in page
    client.force_login(staff)
    for url in [
        "/admin/feedback/feedback/",
        f"/admin/feedback/feedback/{Feedback.objects.get().pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200 and CANARY not in response.content.decode()
    client.force_login(make_mentee())
    assert client.post(f"/mentorships/{mentorship.pk}/feedback/ask/").status_code == 404


@pytest.mark.django_db
def test_feedback_stops_naming_a_goal_taken_back_or_after_closing(
    client, mentor, mentee, mentorship, shared_goal
):
    Feedback.objects.create(
        mentorship=mentorship,
        author=mentor,
        direction="to_mentee",
        goal=shared_goal,
        strengths="Good.",
    )
    url = f"/mentorships/{mentorship.pk}/feedback/"
    client.force_login(mentor)
    assert "Learn physical exam skills" in client.get(url).content.decode()
    shared_goal.shared_with.remove(mentorship)
    assert "Learn physical exam skills" not in client.get(url).content.decode()
    shared_goal.shared_with.add(mentorship)
    from mentoring.mentorships import lifecycle

    lifecycle.close(mentorship, mentee, "graduated")
    assert "Learn physical exam skills" not in client.get(url).content.decode()
    client.force_login(mentee)
    assert "Learn physical exam skills" in client.get(url).content.decode()
