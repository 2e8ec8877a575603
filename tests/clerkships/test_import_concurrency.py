"""Two imports confirmed at the same moment cannot both add overlapping rotations: real
transactions, real threads. The unique constraint alone would miss these: the starts differ."""

import pytest

from mentoring.audit.models import RotationsAdded
from mentoring.clerkships import importer
from mentoring.clerkships.models import Rotation
from mentoring.notifications.models import Notification
from tests.concurrency import run_at_once
from tests.factories import make_clerkship, make_user


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_overlapping_imports_at_once_write_one():
    clerkship = make_clerkship("Internal Medicine")
    coordinator = make_user()
    student = make_user()
    schedules = [[[2, student.pk, f"2031-01-{day:02}", "2031-02-14"]] for day in (5, 6, 7, 8)]

    outcomes = run_at_once(
        [
            lambda packed=packed: importer.save(clerkship, packed, coordinator)
            for packed in schedules
        ]
    )

    assert sorted(map(type, outcomes), key=str) == [int] + [importer.ScheduleChanged] * 3
    assert Rotation.objects.filter(clerkship=clerkship, student=student).count() == 1
    assert Notification.objects.filter(recipient=student).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_confirmation_writes_once():
    clerkship = make_clerkship("Internal Medicine")
    coordinator = make_user()
    students = [make_user() for _ in range(20)]
    packed = [[n + 2, s.pk, "2031-01-06", "2031-02-14"] for n, s in enumerate(students)]

    outcomes = run_at_once([lambda: importer.save(clerkship, packed, coordinator)] * 2)

    assert 20 in outcomes
    assert Rotation.objects.filter(clerkship=clerkship).count() == 20
    # Each student told once, and the import recorded once.
    assert Notification.objects.filter(kind="rotation.added").count() == 20
    assert RotationsAdded.objects.count() == 20
