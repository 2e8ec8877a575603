import pytest

from mentoring.goals.models import Goal
from tests.factories import make_goal


def test_empty_state_explains_the_five_kinds(client, mentee):
    client.force_login(mentee)
    page = client.get("/goals/").content.decode()
    assert "No goals yet." in page
    for example in (
        "become a successful doctor",
        "pass my anatomy course",
        "learn physical exam skills",
        "improve time management",
        "have a life outside of medical school",
    ):
        assert example in page
    assert "Revisit them early in a mentoring relationship and every so often" in page


@pytest.mark.django_db
def test_goals_in_order_of_importance_with_who_sees_them(
    client, mentee, mentorship, second_mentorship
):
    make_goal(mentee, "Second goal", position=2, target_on="2031-05-01")
    make_goal(mentee, "Done goal", position=1, status=Goal.Status.ACHIEVED)
    make_goal(mentee, "Set aside goal", position=4, status=Goal.Status.SET_ASIDE)
    make_goal(
        mentee,
        "First goal",
        position=3,
        kind=Goal.Kind.WORK_HABITS,
        shared_with=[mentorship, second_mentorship],
    )
    Goal.objects.filter(title="Second goal").update(position=0)
    client.force_login(mentee)
    page = client.get("/goals/").content.decode()
    order = [page.index(title) for title in ("Second goal", "First goal", "Done goal")]
    assert order == sorted(order)
    assert page.index("Done goal") < page.index("Set aside goal")
    assert page.index("Achieved and set aside") < page.index("Done goal")
    assert "target 1 May 2031" in page and "Work habits" in page
    assert "Seen by Dr. Ines Alvarez, Dr. Second Mentor" in page
    assert "Private: only you see it" in page


@pytest.mark.django_db
def test_people_without_a_mentee_profile_get_404(client, mentor, coordinator, staff):
    for person in (mentor, coordinator, staff):
        client.force_login(person)
        assert client.get("/goals/").status_code == 404
        assert client.get("/goals/new/").status_code == 404
        assert client.post("/goals/new/", {"kind": "broad", "title": "x"}).status_code == 404
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_move_up_and_down_swap_with_the_neighbour(client, mentee):
    first, second, third = (make_goal(mentee, f"Goal {n}") for n in (1, 2, 3))
    client.force_login(mentee)
    response = client.post(f"/goals/{third.pk}/move-up/")
    assert response.status_code == 302 and response["Location"].endswith(f"#goal-{third.pk}")
    assert list(Goal.objects.values_list("title", flat=True)) == ["Goal 1", "Goal 3", "Goal 2"]
    client.post(f"/goals/{first.pk}/move-down/")
    assert list(Goal.objects.values_list("title", flat=True)) == ["Goal 3", "Goal 1", "Goal 2"]
    page = client.post(f"/goals/{third.pk}/move-up/", follow=True).content.decode()
    assert "That goal is already first." in page
    assert list(Goal.objects.values_list("position", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_moving_skips_achieved_goals_and_heals_tied_positions(client, mentee):
    make_goal(mentee, "Open A", position=0)
    make_goal(mentee, "Achieved", position=0, status=Goal.Status.ACHIEVED)
    open_b = make_goal(mentee, "Open B", position=0)
    client.force_login(mentee)
    client.post(f"/goals/{open_b.pk}/move-up/")
    assert list(Goal.objects.values_list("title", "position")) == [
        ("Open B", 1),
        ("Achieved", 2),
        ("Open A", 3),
    ]
    page = client.get("/goals/").content.decode()
    assert page.index("Open B") < page.index("Open A") < page.index("Achieved")


@pytest.mark.django_db
def test_moves_are_post_only(client, mentee):
    goal = make_goal(mentee)
    client.force_login(mentee)
    assert client.get(f"/goals/{goal.pk}/move-up/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_my_goals_queries_do_not_grow(
    client, mentee, mentorship, second_mentorship, count, django_assert_max_num_queries
):
    for n in range(count):
        make_goal(mentee, f"Goal {n}", shared_with=[mentorship, second_mentorship][: n % 3])
    client.force_login(mentee)
    with django_assert_max_num_queries(7):
        page = client.get("/goals/").content.decode()
    assert page.count("Move up") == count - 1
