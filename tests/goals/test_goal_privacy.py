"""A goal is seen by its mentee and the mentors of the open mentorships it is shared with.

The canary string sits in the title, the description and a progress note; it must appear
on no page anyone else can open, admin included.
"""

import pytest

from mentoring.mentorships import lifecycle
from mentoring.notifications.models import Notification
from tests.factories import make_goal

CANARY = "canary-7f3a9c-residency-in-neurosurgery"


@pytest.fixture
def goal(mentee, mentorship, second_mentorship):
    return make_goal(
        mentee,
        f"Title {CANARY}",
        description=f"Description {CANARY}",
        shared_with=[mentorship],
        updates=[("in_progress", f"Note {CANARY}")],
    )


def pages(goal, mentorship, second_mentorship):
    return [
        "/goals/",
        f"/goals/{goal.pk}/",
        f"/mentorships/{mentorship.pk}/goals/",
        f"/mentorships/{second_mentorship.pk}/goals/",
        "/notifications/",
    ]


def seen(client, person, urls):
    """{url: (status, canary shown)} for this person."""
    client.force_login(person)
    answers = {}
    for url in urls:
        response = client.get(url)
        answers[url] = (response.status_code, CANARY in response.content.decode())
    return answers


@pytest.mark.django_db
def test_mentee_and_the_chosen_mentor_see_it(
    client, goal, mentee, mentor, mentorship, second_mentorship
):
    client.force_login(mentee)
    for url in ("/goals/", f"/goals/{goal.pk}/", f"/mentorships/{mentorship.pk}/goals/"):
        assert CANARY in client.get(url).content.decode(), url
    client.force_login(mentor)
    page = client.get(f"/mentorships/{mentorship.pk}/goals/").content.decode()
    assert "Goals Sam Okafor shares with you" in page and f"Title {CANARY}" in page
    page = client.get(f"/goals/{goal.pk}/").content.decode()
    assert f"Description {CANARY}" in page and f"Note {CANARY}" in page
    assert "Dr. Second Mentor" not in page  # nor which other mentors the mentee has
    note = Notification.objects.filter(recipient=mentor).first()
    assert note is None or CANARY not in note.title + note.body


@pytest.mark.django_db
def test_nobody_else_sees_it_anywhere(
    client,
    goal,
    mentorship,
    second_mentorship,
    second_mentor,
    outsider,
    other_faculty,
    coordinator,
    staff,
):
    urls = pages(goal, mentorship, second_mentorship)
    for person in (second_mentor, outsider, other_faculty, coordinator, staff):
        answers = seen(client, person, urls)
        assert not any(shown for _, shown in answers.values()), (person, answers)
        assert answers[f"/goals/{goal.pk}/"][0] == 404
        assert answers[f"/mentorships/{mentorship.pk}/goals/"][0] == 404
        for action in ("edit", "delete", "move-up", "move-down", "progress"):
            assert client.post(f"/goals/{goal.pk}/{action}/").status_code == 404
    # The second mentor's own mentorship page opens, without the goal.
    assert seen(client, second_mentor, urls)[f"/mentorships/{second_mentorship.pk}/goals/"] == (
        200,
        False,
    )


@pytest.mark.django_db
def test_unsharing_removes_the_mentors_access(client, goal, mentee, mentor, mentorship):
    client.force_login(mentee)
    client.post(f"/goals/{goal.pk}/edit/", {"kind": goal.kind, "title": goal.title})
    assert seen(client, mentor, [f"/goals/{goal.pk}/", f"/mentorships/{mentorship.pk}/goals/"]) == {
        f"/goals/{goal.pk}/": (404, False),
        f"/mentorships/{mentorship.pk}/goals/": (200, False),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["pause", "close"])
def test_a_paused_mentorship_still_sees_it_a_closed_one_no_longer(
    client, goal, mentee, mentor, mentorship, step
):
    getattr(lifecycle, step)(mentorship, mentee, *(["goals_met", ""] if step == "close" else []))
    urls = [f"/goals/{goal.pk}/", f"/mentorships/{mentorship.pk}/goals/"]
    if step == "pause":
        assert seen(client, mentor, urls) == dict.fromkeys(urls, (200, True))
    else:
        assert seen(client, mentor, urls) == {urls[0]: (404, False), urls[1]: (200, False)}
        client.force_login(mentor)
        page = client.get(urls[1]).content.decode()
        assert "goals shared in it are no longer visible" in page
        # The mentee keeps the history of what was shared there.
        assert seen(client, mentee, urls) == dict.fromkeys(urls, (200, True))


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_mentorship_goals_queries_do_not_grow(
    client, mentee, mentor, mentorship, count, django_assert_max_num_queries
):
    for n in range(count):
        make_goal(mentee, f"Goal {n}", shared_with=[mentorship], status=["open", "achieved"][n % 2])
    for person in (mentee, mentor):
        client.force_login(person)
        with django_assert_max_num_queries(6):
            page = client.get(f"/mentorships/{mentorship.pk}/goals/").content.decode()
        assert page.count("/goals/") >= count
