"""The preview costs the same queries for 10 rows as for 1,000, and a 5,000-row file fits
the page ceiling: e-mails are looked up in one query, existing rotations in another. The
confirmation writes its notices and its audit rows in one statement each."""

import datetime

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from mentoring.audit.models import RotationsAdded
from mentoring.notifications.models import Notification
from tests.clerkships.helpers import confirm, lines, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_students():
    # bulk_create skips User.save(), so the addresses are written lower-case here.
    return User.objects.bulk_create(
        User(email=f"bulk{n}@med.example.edu", display_name=f"Bulk {n}", password="!")
        for n in range(1000)
    )


def schedule(students, rotations_each=1):
    """Rows for each student, one six-week rotation after another, none overlapping."""
    start = datetime.date(2031, 1, 6)
    rows = []
    for block in range(rotations_each):
        starts_on = start + datetime.timedelta(weeks=7 * block)
        ends_on = starts_on + datetime.timedelta(weeks=6)
        rows += [f"{s.email},Internal Medicine,{starts_on},{ends_on}" for s in students]
    return lines(*rows)


def preview_queries(client, clerkship, text):
    with CaptureQueriesContext(connection) as captured:
        response = upload(client, clerkship, text)
    assert response.status_code == 200
    assert not response.context["preview"].problems
    return len(captured)


def test_ten_rows_and_a_thousand_cost_the_same(client, coordinator, clerkship, many_students):
    client.force_login(coordinator)
    small = preview_queries(client, clerkship, schedule(many_students[:10]))
    large = preview_queries(client, clerkship, schedule(many_students))
    assert small == large


def test_five_thousand_rows_within_the_ceiling(
    client, coordinator, clerkship, many_students, django_assert_max_num_queries
):
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = upload(client, clerkship, schedule(many_students, rotations_each=5))
    assert len(response.context["preview"].rows) == 5000
    assert "And 4500 more rows like these." in response.content.decode()


@pytest.mark.postgres
def test_confirming_five_thousand_rows_within_the_ceiling(
    client, coordinator, clerkship, many_students, django_assert_max_num_queries
):
    """The rotations go in batches of 500; the 5,000 notices and the 1,000 audit rows (one per
    student) in one statement each, not one per row. PostgreSQL's ceiling: SQLite caps the
    parameters of a statement, so Django splits the same inserts into smaller batches."""
    client.force_login(coordinator)
    preview = upload(client, clerkship, schedule(many_students, rotations_each=5))

    with CaptureQueriesContext(connection) as captured, django_assert_max_num_queries(25):
        done = confirm(client, clerkship, preview)

    assert done["Location"] == reverse("clerkships:detail", args=[clerkship.pk])
    inserts = [q["sql"].split("(", 1)[0] for q in captured if q["sql"].startswith("INSERT")]
    assert inserts.count('INSERT INTO "notifications_notification" ') == 1
    assert inserts.count('INSERT INTO "audit_rotationsadded" ') == 1
    assert Notification.objects.filter(kind="rotation.added").count() == 5000
    assert RotationsAdded.objects.aggregate(total=Sum("rotations")) == {"total": 5000}
