import datetime

import pytest
from django.utils import timezone

from mentoring.goals.forms import years_after
from mentoring.goals.models import Goal
from mentoring.mentorships import lifecycle
from mentoring.notifications.models import Notification
from tests.factories import make_goal, make_mentee, make_mentor, make_mentorship, make_user


def goal_data(**overrides):
    return {"kind": "medical", "title": "Learn physical exam skills", **overrides}


@pytest.mark.django_db
def test_mentee_adds_a_private_goal_at_the_end(
    client, mentee, mentorship, django_assert_max_num_queries
):
    make_goal(mentee, "Earlier goal")
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        page = client.get("/goals/new/").content.decode()
    assert 'type="checkbox"' in page and "Dr. Ines Alvarez" in page and "checked" not in page
    assert "Up to 2000 characters." in page
    response = client.post("/goals/new/", goal_data(description="Cardiac and abdominal exams."))
    goal = Goal.objects.get(title="Learn physical exam skills")
    assert response["Location"] == f"/goals/{goal.pk}/"
    assert (goal.mentee, goal.kind, goal.position, goal.status) == (mentee, "medical", 2, "open")
    assert list(goal.shared_with.all()) == []
    assert not Notification.objects.filter(kind="goal.shared").exists()


@pytest.mark.django_db
def test_sharing_notifies_each_new_mentor_once(client, mentee, mentor, mentorship):
    second = make_mentor(make_user(display_name="Dr. Second"))
    second_mentorship = make_mentorship(second, mentee)
    client.force_login(mentee)
    client.post("/goals/new/", goal_data(share_with=[mentorship.pk]))
    goal = Goal.objects.get()
    note = Notification.objects.get(kind="goal.shared")
    assert (note.recipient, note.title) == (mentor, "Sam Okafor shared a goal with you")
    assert note.url == f"/goals/{goal.pk}/"
    # Editing again, adding a second mentor: only the newly added one hears of it.
    edit = client.get(f"/goals/{goal.pk}/edit/").content.decode()
    assert f'value="{mentorship.pk}"' in edit and "checked" in edit
    client.post(
        f"/goals/{goal.pk}/edit/", goal_data(share_with=[mentorship.pk, second_mentorship.pk])
    )
    assert Notification.objects.filter(kind="goal.shared", recipient=mentor).count() == 1
    assert Notification.objects.filter(kind="goal.shared", recipient=second).count() == 1
    # Unsharing and sharing again is the same share: no second notification.
    client.post(f"/goals/{goal.pk}/edit/", goal_data(share_with=[second_mentorship.pk]))
    assert set(goal.shared_with.all()) == {second_mentorship}
    client.post(f"/goals/{goal.pk}/edit/", goal_data(share_with=[mentorship.pk]))
    assert set(goal.shared_with.all()) == {mentorship}
    assert Notification.objects.filter(kind="goal.shared").count() == 2


@pytest.mark.django_db
def test_editing_keeps_shares_with_closed_mentorships_as_history(client, mentee, mentorship):
    goal = make_goal(mentee, shared_with=[mentorship])
    lifecycle.close(mentorship, mentee, "goals_met", "")
    client.force_login(mentee)
    page = client.get(f"/goals/{goal.pk}/edit/").content.decode()
    assert "Dr. Ines Alvarez" not in page  # a closed mentorship is not offered
    client.post(f"/goals/{goal.pk}/edit/", goal_data(title="Renamed"))
    goal.refresh_from_db()
    assert goal.title == "Renamed" and list(goal.shared_with.all()) == [mentorship]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (goal_data(kind=""), "Choose the kind of goal: broad, specific, medical, work habits"),
        (goal_data(kind="career"), "Select a valid choice. career is not one of the"),
        (goal_data(title=""), "Write the goal in a few words."),
        (goal_data(title="x" * 201), "Ensure this value has at most 200 characters (it has 201)."),
        (goal_data(description="x" * 2001), "at most 2000 characters (it has 2001)."),
        (goal_data(target_on="1989-12-31"), "Enter a target date in 1990 or later."),
        (goal_data(target_on="2024-02-30"), "Enter a valid date."),
    ],
)
def test_bad_input_is_refused_with_a_message(client, mentee, data, message):
    client.force_login(mentee)
    response = client.post("/goals/new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert "Please correct the highlighted field" in page
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_target_date_at_most_ten_years_ahead(client, mentee):
    today = timezone.localdate()
    client.force_login(mentee)
    too_far = years_after(today, 10) + datetime.timedelta(days=1)
    page = client.post("/goals/new/", goal_data(target_on=too_far.isoformat())).content.decode()
    assert "Choose a target date within the next ten years" in page
    assert not Goal.objects.exists()
    client.post("/goals/new/", goal_data(target_on=(too_far - datetime.timedelta(days=1))))
    assert Goal.objects.get().target_on == too_far - datetime.timedelta(days=1)


@pytest.mark.django_db
def test_crafted_posts_change_nothing(client, mentee, mentorship, outsider, other_faculty):
    foreign = make_mentorship(other_faculty, make_mentee())
    goal = make_goal(mentee, "Original title")
    lifecycle.close(mentorship, mentee, "goals_met", "")
    client.force_login(mentee)
    for share in (foreign.pk, mentorship.pk, "not-a-number"):
        response = client.post(f"/goals/{goal.pk}/edit/", goal_data(share_with=[share]))
        assert "Choose among your own active or paused mentorships." in response.content.decode()
        response = client.post("/goals/new/", goal_data(share_with=[share]))
        assert response.status_code == 200
    client.post(
        f"/goals/{goal.pk}/edit/",
        goal_data(title="Original title", mentee=outsider.pk, position=99, status="achieved"),
    )
    goal.refresh_from_db()
    assert (goal.mentee, goal.position, goal.status) == (mentee, 1, "open")
    assert list(Goal.objects.all()) == [goal] and not goal.shared_with.exists()
    assert not Notification.objects.filter(kind="goal.shared").exists()
    client.post("/goals/new/", goal_data(title="Mine", mentee=outsider.pk))
    assert Goal.objects.get(title="Mine").mentee == mentee
