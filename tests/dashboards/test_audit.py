"""Each look at student-level data leaves an AccessLog row: who, what, when; no content."""

import pytest

from mentoring.dashboards.models import AccessLog
from tests.dashboards.conftest import (
    TODAY,
    dashboard_url,
    make_faculty,
    make_student,
    recommend_url,
    students_url,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db
Action = AccessLog.Action


def logged():
    return list(
        AccessLog.objects.order_by("pk").values_list(
            "viewer__display_name", "action", "clerkship__name", "subject_user__display_name"
        )
    )


def test_viewing_downloading_and_sending_are_recorded(client, coordinator, clerkship):
    student = make_student(clerkship, name="Logged Student", interests=["cardiology"])
    make_faculty(interests=["cardiology"])
    client.force_login(coordinator)

    client.get(students_url(clerkship))
    client.get(dashboard_url(clerkship, export="students"))
    client.get(dashboard_url(clerkship, export="quiet-relationships"))
    client.post(recommend_url(clerkship, student))

    who = "Coordinator In Scope"
    assert logged() == [
        (who, Action.UNMATCHED_LIST, "Internal Medicine", None),
        (who, Action.EXPORT, "Internal Medicine", None),
        (who, Action.EXPORT, "Internal Medicine", None),
        (who, Action.SEND_RECOMMENDATIONS, "Internal Medicine", "Logged Student"),
    ]
    row = AccessLog.objects.first()
    assert (row.period_start.isoformat(), row.period_end) == ("2025-07-01", TODAY)


def test_staff_on_the_school_dashboard_are_recorded_too(client, staff):
    client.force_login(staff)
    client.get(students_url(None))
    assert logged() == [("Staff Person", Action.UNMATCHED_LIST, None, None)]


def test_aggregates_are_not_student_level(client, coordinator, clerkship):
    client.force_login(coordinator)
    client.get(dashboard_url(clerkship))
    client.get(dashboard_url(clerkship, export="coverage"))
    client.get(dashboard_url(clerkship, export="faculty-load"))
    assert logged() == []


def test_refused_requests_write_nothing(client, coordinator_out, clerkship, mentee, coordinator):
    client.force_login(coordinator_out)
    client.get(students_url(clerkship))
    client.get(dashboard_url(clerkship, export="students"))
    client.post(recommend_url(clerkship, mentee))
    assert logged() == []


def test_staff_read_the_log_in_the_admin_and_cannot_change_it(
    client, coordinator, clerkship, staff
):
    client.force_login(coordinator)
    client.get(students_url(clerkship))
    row = AccessLog.objects.get()
    client.force_login(staff)

    listing = client.get("/admin/dashboards/accesslog/")
    assert listing.status_code == 200
    assert "Coordinator In Scope" in listing.content.decode()
    detail = client.get(f"/admin/dashboards/accesslog/{row.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert client.get("/admin/dashboards/accesslog/add/").status_code == 403
    assert client.post(f"/admin/dashboards/accesslog/{row.pk}/delete/").status_code == 403
    assert AccessLog.objects.count() == 1


def test_staff_without_permissions_still_read_it(client):
    plain_staff = make_user(is_staff=True)
    client.force_login(plain_staff)
    assert client.get("/admin/dashboards/accesslog/").status_code == 200


def test_coordinators_do_not_see_the_log(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/dashboards/accesslog/").status_code == 302
