import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.meetings.models import Meeting
from tests.factories import make_goal
from tests.meetings.factories import local, make_action_item, make_meeting


@pytest.mark.django_db
def test_meeting_page_shows_the_shared_record(
    client, mentee, mentor, mentorship, held, django_assert_max_num_queries
):
    goal = make_goal(mentee, "Pass Step 1", shared_with=[mentorship])
    unshared = make_goal(mentee, "Unshared goal")
    held.goals_discussed.set([goal, unshared])  # e.g. shared then, withdrawn since
    make_action_item(held, "Book the practice exam", owner="mentee")
    for person in (mentee, mentor):
        client.force_login(person)
        with django_assert_max_num_queries(12):
            page = client.get(f"/meetings/{held.pk}/").content.decode()
        assert "We met." in page and "Pass Step 1" in page and "Book the practice exam" in page
        assert "Unshared goal" not in page
        assert "Your private note" in page


@pytest.mark.django_db
def test_pages_of_a_meeting_are_404_outside_the_pair(
    client, planned, held, outsider, other_faculty, coordinator, staff
):
    mentorship = planned.mentorship
    urls = [
        f"/mentorships/{mentorship.pk}/meetings/",
        f"/mentorships/{mentorship.pk}/meetings/new/",
        f"/mentorships/{mentorship.pk}/meetings/log/",
        f"/mentorships/{mentorship.pk}/log/",
        f"/meetings/{planned.pk}/",
        f"/meetings/{planned.pk}/edit/",
        f"/meetings/{planned.pk}/agenda/",
        f"/meetings/{planned.pk}/cancel/",
        f"/meetings/{planned.pk}/private-note/",
        f"/meetings/{planned.pk}/calendar.ics",
        f"/meetings/{held.pk}/log/",
    ]
    item = make_action_item(held)
    for person in (outsider, other_faculty, coordinator, staff):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404, url
            assert client.post(url).status_code in (404, 405), url
        done = client.post(f"/meetings/{held.pk}/action-items/{item.pk}/done/", {"done": "1"})
        assert done.status_code == 404
    item.refresh_from_db()
    planned.refresh_from_db()
    assert item.done_at is None and planned.status == "planned"


@pytest.mark.django_db
def test_either_person_marks_an_action_item_done(client, mentee, mentor, held):
    item = make_action_item(held, owner="mentor")
    client.force_login(mentee)
    response = client.post(f"/meetings/{held.pk}/action-items/{item.pk}/done/", {"done": "1"})
    assert response["Location"] == f"/meetings/{held.pk}/"
    item.refresh_from_db()
    first_done_at = item.done_at
    assert first_done_at is not None
    client.force_login(mentor)
    client.post(f"/meetings/{held.pk}/action-items/{item.pk}/done/", {"done": "1"})
    item.refresh_from_db()
    assert item.done_at == first_done_at  # done twice is done once
    assert "Mark as not done" in client.get(f"/meetings/{held.pk}/").content.decode()
    client.post(f"/meetings/{held.pk}/action-items/{item.pk}/done/", {"done": "0"})
    item.refresh_from_db()
    assert item.done_at is None
    assert client.get(f"/meetings/{held.pk}/action-items/{item.pk}/done/").status_code == 405


@pytest.mark.django_db
def test_an_item_of_another_meeting_is_404(client, mentee, planned, held):
    item = make_action_item(held)
    client.force_login(mentee)
    assert client.post(f"/meetings/{planned.pk}/action-items/{item.pk}/done/").status_code == 404


@pytest.mark.django_db
def test_list_shows_upcoming_soonest_first_then_past_latest_first(client, mentee, mentorship):
    for days, status in [(-30, "held"), (10, "planned"), (-2, "held"), (2, "planned")]:
        make_meeting(mentorship, starts_at=local(days=days), status=status)
    make_meeting(mentorship, starts_at=local(days=5), status="cancelled")
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/meetings/").content.decode()
    upcoming, past = page.split("<h2>Upcoming</h2>")[1].split("<h2>Past</h2>")
    dates = [f"{local(days=d):%a %-d %b %Y}" for d in (2, 10, 5, -2, -30)]
    assert upcoming.index(dates[0]) < upcoming.index(dates[1]) and dates[2] not in upcoming
    assert past.index(dates[2]) < past.index(dates[3]) < past.index(dates[4])
    assert "Cancelled" in past


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_list_costs_the_same_queries_for_5_or_120_meetings(client, mentor, mentorship):
    def add(n):
        Meeting.objects.bulk_create(
            Meeting(mentorship=mentorship, starts_at=local(days=-i - 1), status="held")
            for i in range(n)
        )

    client.force_login(mentor)
    url = f"/mentorships/{mentorship.pk}/meetings/"
    add(5)
    make_action_item(Meeting.objects.first())
    few = _count_queries(client, url)
    add(115)
    many = _count_queries(client, url)
    assert few == many <= 8
    page = client.get(url + "?page=6").content.decode()
    assert "Page 6 of 6" in page


@pytest.mark.django_db
def test_cancel_asks_first_then_tells_the_partner(
    client, mentee, mentor, planned, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get(f"/meetings/{planned.pk}/cancel/").content.decode()
    assert "Cancel your meeting with Sam Okafor?" in page
    planned.refresh_from_db()
    assert planned.status == "planned"  # GET changes nothing
    response = client.post(f"/meetings/{planned.pk}/cancel/")
    assert response["Location"] == f"/mentorships/{planned.mentorship_id}/meetings/"
    planned.refresh_from_db()
    assert planned.status == "cancelled"
    assert mentee.notifications.get(kind="meeting.cancelled").url == f"/meetings/{planned.pk}/"
    again = client.post(f"/meetings/{planned.pk}/cancel/", follow=True)
    assert "This meeting was cancelled." in again.content.decode()
    assert mentee.notifications.filter(kind="meeting.cancelled").count() == 1


@pytest.mark.django_db
def test_every_page_stays_under_a_query_ceiling(
    client, mentee, mentor, mentorship, planned, held, django_assert_max_num_queries
):
    for i in range(3):
        make_action_item(held, f"Item {i}")
        make_goal(mentee, f"Goal {i}", shared_with=[mentorship])
    urls = [
        f"/mentorships/{mentorship.pk}/meetings/",
        f"/mentorships/{mentorship.pk}/meetings/new/",
        f"/mentorships/{mentorship.pk}/meetings/log/",
        f"/mentorships/{mentorship.pk}/log/",
        f"/meetings/{planned.pk}/",
        f"/meetings/{held.pk}/",
        f"/meetings/{planned.pk}/edit/",
        f"/meetings/{planned.pk}/agenda/",
        f"/meetings/{held.pk}/log/",
        f"/meetings/{planned.pk}/cancel/",
        f"/meetings/{held.pk}/private-note/",
        f"/meetings/{planned.pk}/calendar.ics",
        "/calendar/",
    ]
    for person in (mentee, mentor):
        client.force_login(person)
        for url in urls:
            with django_assert_max_num_queries(12):
                assert client.get(url).status_code == 200, url
