import pytest
import time_machine

from mentoring.goals.models import Goal, GoalUpdate
from tests.factories import make_goal


@pytest.mark.django_db
def test_mentee_records_progress_and_sees_history_newest_first(client, mentee):
    goal = make_goal(mentee, "Improve time management", kind=Goal.Kind.WORK_HABITS)
    client.force_login(mentee)
    with time_machine.travel("2025-03-01 10:00Z"):
        client.post(
            f"/goals/{goal.pk}/progress/", {"status": "in_progress", "note": "Started a planner."}
        )
    with time_machine.travel("2025-04-01 10:00Z"):
        response = client.post(
            f"/goals/{goal.pk}/progress/", {"status": "achieved", "note": "Finished on time."}
        )
    assert response["Location"] == f"/goals/{goal.pk}/"
    goal.refresh_from_db()
    assert goal.status == "achieved"
    assert list(goal.updates.values_list("status", "note", "author")) == [
        ("achieved", "Finished on time.", mentee.pk),
        ("in_progress", "Started a planner.", mentee.pk),
    ]
    page = client.get(f"/goals/{goal.pk}/").content.decode()
    assert page.index("Finished on time.") < page.index("Started a planner.")
    assert "1 Apr 2025" in page and "Record progress" in page


@pytest.mark.django_db
def test_a_status_change_alone_is_progress_but_an_empty_update_is_not(client, mentee):
    goal = make_goal(mentee)
    client.force_login(mentee)
    page = client.post(f"/goals/{goal.pk}/progress/", {"status": "open", "note": " "})
    assert "Write a note or choose a new status." in page.content.decode()
    page = client.post(f"/goals/{goal.pk}/progress/", {"note": "x" * 2001}).content.decode()
    assert "Choose the goal&#x27;s status now." in page and "at most 2000 characters" in page
    assert not GoalUpdate.objects.exists()
    client.post(f"/goals/{goal.pk}/progress/", {"status": "set_aside"})
    goal.refresh_from_db()
    assert goal.status == "set_aside" and goal.updates.get().note == ""


@pytest.mark.django_db
def test_mentee_deletes_after_confirming(client, mentee):
    goal = make_goal(mentee, "Pass my anatomy course", updates=[("in_progress", "Week 1")])
    client.force_login(mentee)
    page = client.get(f"/goals/{goal.pk}/delete/").content.decode()
    assert "Delete “Pass my anatomy course”?" in page
    assert Goal.objects.exists()
    response = client.post(f"/goals/{goal.pk}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == "/goals/"
    assert "Goal deleted, with its progress history." in response.content.decode()
    assert not Goal.objects.exists() and not GoalUpdate.objects.exists()


@pytest.mark.django_db
def test_mentor_reads_but_may_not_change(client, mentee, mentor, mentorship):
    goal = make_goal(mentee, "Shared goal", shared_with=[mentorship], updates=[("open", "Hi")])
    client.force_login(mentor)
    page = client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Shared goal" in page and "Hi" in page
    assert "Record progress" not in page and "Edit" not in page and "Delete" not in page
    assert "Move up" not in page and '<form method="post" action="/goals/' not in page
    for action in ("edit", "delete"):
        assert client.get(f"/goals/{goal.pk}/{action}/").status_code == 403
    for action in ("edit", "delete", "move-up", "move-down", "progress"):
        response = client.post(
            f"/goals/{goal.pk}/{action}/",
            {"kind": "broad", "title": "Hijacked", "status": "achieved"},
        )
        assert response.status_code == 403, action
    goal.refresh_from_db()
    assert (goal.title, goal.status, goal.updates.count()) == ("Shared goal", "open", 1)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_goal_pages_queries_do_not_grow(
    client, mentee, mentor, mentorship, second_mentorship, count, django_assert_max_num_queries
):
    updates = [("in_progress", f"Step {n}") for n in range(count)]
    for _ in range(count):
        make_goal(mentee, shared_with=[mentorship, second_mentorship], updates=updates[:2])
    goal = make_goal(mentee, shared_with=[mentorship, second_mentorship], updates=updates)
    client.force_login(mentee)
    for url in (f"/goals/{goal.pk}/", f"/goals/{goal.pk}/edit/", f"/goals/{goal.pk}/delete/"):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(8):
        client.post(f"/goals/{goal.pk}/progress/", {"status": "open"})  # refused: re-rendered
    with django_assert_max_num_queries(10):
        client.post(f"/goals/{goal.pk}/move-up/")
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        assert client.get(f"/goals/{goal.pk}/").status_code == 200
