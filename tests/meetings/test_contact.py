"""The mentorship's last contact and next meeting follow every meeting change."""

import pytest

from tests.meetings.factories import form_time, local
from tests.meetings.test_log import items, record


@pytest.mark.django_db
def test_contact_dates_follow_plan_log_and_cancel(client, mentor, mentorship):
    client.force_login(mentor)
    soon, later = local(days=2), local(days=9)
    for when in (later, soon):
        client.post(
            f"/mentorships/{mentorship.pk}/meetings/new/",
            {"starts_at": form_time(when), "minutes": "30", "mode": "video"},
        )
    mentorship.refresh_from_db()
    assert (mentorship.last_contact_at, mentorship.next_meeting_at) == (None, soon)

    first = mentorship.meetings.get(starts_at=soon)
    client.post(f"/meetings/{first.pk}/cancel/")
    mentorship.refresh_from_db()
    assert mentorship.next_meeting_at == later

    past = local(days=-4)
    client.post(f"/mentorships/{mentorship.pk}/meetings/log/", {**record(past), **items()})
    mentorship.refresh_from_db()
    assert (mentorship.last_contact_at, mentorship.next_meeting_at) == (past, later)

    client.post(
        f"/mentorships/{mentorship.pk}/log/",
        {"day": f"{local():%Y-%m-%d}", "minutes": "20", "mode": "phone", "action_owner": "mentee"},
    )
    mentorship.refresh_from_db()
    assert mentorship.last_contact_at > past

    second = mentorship.meetings.get(starts_at=later)
    client.post(f"/meetings/{second.pk}/cancel/")
    mentorship.refresh_from_db()
    assert mentorship.next_meeting_at is None
