"""Staff see meetings as dates, modes and states; never what the pair wrote."""

import pytest

from mentoring.meetings.models import CalendarFeed
from tests.meetings.factories import make_action_item


@pytest.mark.django_db
def test_admin_lists_meetings_without_their_words(
    client, staff, held, planned, django_assert_max_num_queries
):
    held.agenda, held.shared_notes = "AGENDA-CANARY", "SHARED-CANARY"
    held.save()
    item = make_action_item(held, "ACTION-CANARY", owner="mentor")
    feed = CalendarFeed.objects.create(user=held.mentorship.mentee)
    client.force_login(staff)
    urls = [
        "/admin/meetings/meeting/",
        f"/admin/meetings/meeting/{held.pk}/change/",
        "/admin/meetings/actionitem/",
        "/admin/meetings/calendarfeed/",
        f"/admin/meetings/calendarfeed/{feed.pk}/change/",
    ]
    for url in urls:
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "CANARY" not in page and feed.token not in page, url
    # Nor can they be searched for.
    found = client.get("/admin/meetings/meeting/?q=SHARED-CANARY").content.decode()
    assert "0 results" in found
    assert "Mentor" in client.get("/admin/meetings/actionitem/").content.decode()
    # A page about one action item would be titled with its text: there is none.
    assert client.get(f"/admin/meetings/actionitem/{item.pk}/change/").status_code == 403
    assert client.get(f"/admin/meetings/meeting/{held.pk}/delete/").status_code == 403
    assert client.get("/admin/meetings/meeting/add/").status_code == 403
