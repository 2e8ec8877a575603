"""Only the two people in the mentorship open its timeline; it comes 25 events a page."""

import pytest

from mentoring.meetings.models import Meeting
from tests.meetings.factories import local
from tests.timeline.helpers import events_on, timeline_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_the_two_people_open_the_timeline(client, mentorship, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(timeline_url(mentorship))
    assert response.status_code == 200
    assert "Dr. Ines Alvarez and Sam Okafor" in response.content.decode()


@pytest.mark.parametrize("who", ["outsider", "other_faculty", "coordinator", "staff"])
def test_anyone_else_gets_404(client, mentorship, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(timeline_url(mentorship)).status_code == 404


def test_a_mentorship_that_does_not_exist_is_404(client, mentor, mentorship):
    client.force_login(mentor)
    assert client.get(f"/mentorships/{mentorship.pk + 1000}/timeline/").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, mentorship):
    response = client.get(timeline_url(mentorship))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_25_events_a_page_and_page_2_shows_the_rest(client, mentor, mentorship):
    # 29 meetings plus "Mentorship began": 30 events, the start the oldest of them.
    Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=local(days=-n), status="held", minutes=n + 10)
        for n in range(1, 30)
    )
    client.force_login(mentor)
    first_page = client.get(timeline_url(mentorship))
    first = events_on(first_page)
    second = client.get(timeline_url(mentorship, page=2))
    rest = events_on(second)

    assert len(first) == 25 and len(rest) == 5
    assert first[0] == ("meeting", "Meeting held: in person, 11 minutes")
    assert first[-1] == ("meeting", "Meeting held: in person, 35 minutes")
    assert rest[0] == ("meeting", "Meeting held: in person, 36 minutes")
    assert rest[-1] == ("mentorship", "Mentorship began")
    # Pages are not counted (lib/pagination.py): page 1 leads on, the last page only back.
    assert 'rel="next"' in first_page.content.decode()
    assert 'rel="prev"' not in first_page.content.decode()
    assert "Page 2" in second.content.decode()
    assert 'rel="prev"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()
    assert not set(first) & set(rest)


def test_a_page_past_the_end_shows_the_last_page(client, mentor, mentorship):
    client.force_login(mentor)
    response = client.get(timeline_url(mentorship, page=9))
    assert events_on(response) == [("mentorship", "Mentorship began")]
