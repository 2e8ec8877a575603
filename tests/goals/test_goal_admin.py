"""Staff see goals in the admin as numbers, kinds, statuses and dates: never their words."""

import pytest

from tests.factories import make_goal

CANARY = "canary-admin-5d1e-quit-medicine"


@pytest.fixture
def goal(mentee, mentorship):
    return make_goal(
        mentee,
        f"Title {CANARY}",
        description=f"Description {CANARY}",
        shared_with=[mentorship],
        updates=[("in_progress", f"Note {CANARY}")],
        target_on="2030-06-30",
    )


@pytest.mark.django_db
def test_staff_see_ids_kinds_statuses_and_dates_only(
    client, staff, goal, django_assert_max_num_queries
):
    update = goal.updates.get()
    client.force_login(staff)
    urls = [
        "/admin/goals/goal/",
        f"/admin/goals/goal/{goal.pk}/change/",
        f"/admin/goals/goal/{goal.pk}/history/",
        "/admin/goals/goalupdate/",
        f"/admin/goals/goalupdate/{update.pk}/change/",
        f"/admin/goals/goalupdate/{update.pk}/history/",
    ]
    for url in urls:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert CANARY not in page, url
    page = client.get(f"/admin/goals/goal/{goal.pk}/change/").content.decode()
    assert f"Goal #{goal.pk}" in page and "Specific" in page and "June 30, 2030" in page
    changelist = client.get("/admin/goals/goal/").content.decode()
    assert "Open" in changelist and "Specific" in changelist


@pytest.mark.django_db
def test_admin_neither_adds_nor_changes_and_deletes_without_showing_words(client, staff, goal):
    client.force_login(staff)
    assert client.get("/admin/goals/goal/add/").status_code == 403
    # Deleting stays possible (so that an account can be removed), by number only.
    page = client.get(f"/admin/goals/goal/{goal.pk}/delete/").content.decode()
    assert f"Goal #{goal.pk}" in page and CANARY not in page
    client.post(f"/admin/goals/goal/{goal.pk}/change/", {"title": "Changed", "kind": "broad"})
    goal.refresh_from_db()
    assert goal.title == f"Title {CANARY}" and goal.kind == "specific"
    page = client.get("/admin/goals/goal/").content.decode()
    # No search box: typing words and counting matches would reveal titles one by one.
    assert 'id="searchbar"' not in page


@pytest.mark.django_db
def test_delete_pages_that_cascade_to_goals_do_not_list_their_titles(
    client, staff, mentee, mentorship, goal
):
    client.force_login(staff)
    page = client.get(f"/admin/mentorships/mentorship/{mentorship.pk}/delete/").content.decode()
    assert "Are you sure" in page and CANARY not in page
    # Cascaded goals are listed by "Goal #n", never by title.
    page = client.get(f"/admin/accounts/user/{mentee.pk}/delete/").content.decode()
    assert f"Goal #{goal.pk}" in page and CANARY not in page
