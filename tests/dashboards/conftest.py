import csv
import datetime
import io

import pytest
import time_machine

from mentoring.feedback.models import Reassessment
from mentoring.mentorships.models import MentorshipRequest
from tests.factories import make_clerkship, make_mentee, make_mentor, make_rotation, make_user

# A Monday afternoon in March: the academic year (from 1 July) is well under way, and it is
# the same date in New York (the test users' zone) as in UTC.
NOW = datetime.datetime(2026, 3, 16, 15, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def dashboard_url(clerkship=None, **params):
    url = f"/dashboards/clerkships/{clerkship.pk}/" if clerkship else "/dashboards/school/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def students_url(clerkship=None, **params):
    url = dashboard_url(clerkship).rstrip("/") + "/students/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def recommend_url(clerkship, student):
    return students_url(clerkship) + f"{student.pk}/recommend/"


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.content.decode())))


def row_of(rows, first_cell):
    return next(row for row in rows if row[0] == first_cell)


def make_student(clerkship=None, name=None, stage="clerkship", starts_on=None, **fields):
    """A student with a mentee profile and, given a clerkship, a rotation in it now."""
    student = make_mentee(make_user(display_name=name), stage=stage, **fields)
    if clerkship is not None:
        make_rotation(student, clerkship, starts_on=starts_on)
    return student


def make_faculty(name=None, **fields):
    return make_mentor(make_user(display_name=name), **fields)


def make_request(mentee, mentor, status="pending", created_at=None, answered_at=None, **fields):
    return MentorshipRequest.objects.create(
        mentee=mentee,
        mentor=mentor,
        created_by=mentee,
        status=status,
        created_at=created_at or NOW,
        answered_at=answered_at,
        **fields,
    )


def make_prompt(mentorship, respondent, due_on=TODAY, **fields):
    return Reassessment.objects.create(
        mentorship=mentorship, respondent=respondent, due_on=due_on, **fields
    )


@pytest.fixture
def other_clerkship(db):
    return make_clerkship("Surgery")


@pytest.fixture
def coordinator_out(db, other_clerkship):
    user = make_user(display_name="Coordinator Of Surgery")
    other_clerkship.coordinators.add(user)
    return user
