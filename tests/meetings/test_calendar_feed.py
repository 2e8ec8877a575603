"""The subscription feed of a busy person, read with vobject (not the library that writes it)."""

import pytest

from mentoring.meetings.models import CalendarFeed, Meeting
from mentoring.meetings.views import FEED_LIMIT
from tests.factories import make_mentee, make_mentorship, make_user
from tests.meetings.factories import local
from tests.meetings.ics import read_events, sequence, uid


def add_meetings(mentorship, times, **fields):
    return Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=when, created_by=mentorship.mentor, **fields)
        for when in times
    )


@pytest.mark.django_db
def test_a_busy_feed_keeps_the_next_meetings_then_the_latest_past(
    client, mentor, mentorship, django_assert_max_num_queries
):
    other = make_mentorship(mentor, make_mentee(make_user(display_name="Noor Haddad")))
    # 531 meetings in the last two months, then 20 ahead: more than the feed's cap.
    past = add_meetings(
        mentorship,
        [local(days=-day, hour=hour) for day in range(1, 60) for hour in range(8, 17)],
        status="held",
    )
    ahead = add_meetings(other, [local(days=day) for day in range(1, 20)]) + add_meetings(
        mentorship, [local(days=300)]
    )
    assert len(past) + len(ahead) > FEED_LIMIT
    feed = CalendarFeed.objects.create(user=mentor)

    with django_assert_max_num_queries(3):
        response = client.get(f"/calendar/{feed.token}.ics")
    found = read_events(response)
    # How often to poll, as a duration both in the standard name and in Outlook's.
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in response.content
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in response.content
    latest_past = sorted(past, key=lambda m: m.starts_at, reverse=True)[: FEED_LIMIT - len(ahead)]
    assert set(found) == {uid(m) for m in ahead + latest_past}
    event = found[uid(ahead[0])]
    assert event.dtstart.value == local(days=1)
    assert event.summary.value == "Mentoring with Noor Haddad (In person)"
    assert sequence(event) == 0 and event.status.value == "CONFIRMED"
    assert {"location", "description"}.isdisjoint(event.contents)
