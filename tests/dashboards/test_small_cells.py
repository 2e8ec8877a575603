"""Optional identity fields appear only as groups of five or more people (DESIGN.md)."""

import pytest

from mentoring.mentorships.models import Mentorship
from tests.dashboards.conftest import (
    DAY,
    NOW,
    csv_rows,
    dashboard_url,
    make_faculty,
    make_prompt,
    make_student,
)
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db


def gender_rows(client, **params):
    rows = csv_rows(client.get(dashboard_url(export="faculty-gender", **params)))
    return {row[0]: row[1:] for row in rows[1:]}


def faculty_of(gender, count, mentees=1):
    """`count` faculty who describe their gender as written, each with active mentees."""
    people = [make_faculty(gender=gender, capacity=5) for _ in range(count)]
    for person in people:
        for _ in range(mentees):
            make_mentorship(person, make_student())
    return people


def test_four_people_make_no_cell_of_their_own(client, staff):
    faculty_of("Woman", 4)
    faculty_of("man", 6)
    faculty_of("", 3)
    client.force_login(staff)

    rows = gender_rows(client)

    assert set(rows) == {"Man", "Other groups together"}
    assert rows["Other groups together"][0] == "7"  # the four women and three not stated
    page = client.get(dashboard_url()).content.decode()
    assert "Woman" not in page and "woman" not in page


def test_five_people_make_a_cell(client, staff):
    faculty_of("Woman", 2, mentees=2)
    faculty_of(" woman ", 2, mentees=2)
    faculty_of("WOMAN", 1, mentees=2)  # spelled three ways, one group of five
    faculty_of("man", 10)
    client.force_login(staff)

    rows = gender_rows(client)

    # Faculty, share of faculty, active mentees to the nearest 5, share of them.
    assert rows["Woman"] == ["5", "33.3", "10", "50.0"]
    assert rows["Man"] == ["10", "66.7", "10", "50.0"]
    assert "Other groups together" not in rows


def test_a_small_group_is_counted_with_the_next_smallest_with_a_note(client, staff):
    faculty_of("woman", 6)
    faculty_of("man", 5)
    faculty_of("non-binary", 1)
    client.force_login(staff)

    rows = gender_rows(client)
    assert set(rows) == {"Woman", "Other groups together"}
    assert rows["Other groups together"][0] == "6"  # five men and one non-binary person
    page = client.get(dashboard_url()).content.decode()
    assert "is counted in &#x27;Other groups together&#x27;, with the next smallest" in page
    assert "Non-binary" not in page and "non-binary" not in page


def test_no_cell_under_five_on_a_small_clerkship(client, coordinator, clerkship, mentee):
    for gender in ("woman", "woman", "man"):
        make_mentorship(make_faculty(gender=gender), make_student(clerkship))
    client.force_login(coordinator)
    rows = csv_rows(client.get(dashboard_url(clerkship, export="faculty-gender")))
    assert rows[1:] == []


def test_backgrounds_follow_the_same_rule(client, staff):
    for background in ["Latina"] * 5 + ["Pacific Islander"] * 2 + [" black", "Black "] * 2:
        make_faculty(background=background)
    client.force_login(staff)
    rows = csv_rows(client.get(dashboard_url(export="faculty-background")))
    # Two and four people: together six, so Latina (five) need not join them.
    assert [row[:2] for row in rows[1:]] == [["Latina", "5"], ["Other groups together", "6"]]
    page = client.get(dashboard_url()).content.decode()
    assert "Pacific Islander" not in page and "Black" not in page


def test_an_average_satisfaction_needs_five_respondents(client, coordinator, clerkship):
    mentorships = [make_mentorship(make_faculty(), make_student(clerkship)) for _ in range(4)]
    for m in mentorships:
        make_prompt(m, m.mentee, completed_at=NOW - DAY, satisfaction=1)
    # The same student answering again is not a fifth person.
    make_prompt(
        mentorships[0], mentorships[0].mentee, kind="closing", completed_at=NOW, satisfaction=5
    )
    client.force_login(coordinator)

    rows = csv_rows(client.get(dashboard_url(clerkship, export="reassessments")))
    average = next(row for row in rows if row[0].startswith("Average"))
    assert average[1:] == ["", "", ""]
    assert next(row for row in rows if row[0].startswith("Completed in"))[1] == "5"

    fifth = make_mentorship(make_faculty(), make_student(clerkship))
    make_prompt(fifth, fifth.mentee, completed_at=NOW - DAY, satisfaction=5)
    rows = csv_rows(client.get(dashboard_url(clerkship, export="reassessments")))
    assert next(row for row in rows if row[0].startswith("Average"))[1:3] == [
        "2.3",
        "2.3",
    ]  # (4 + 5 + 5) / 6


def test_paused_mentorships_count_in_places_used_not_in_load(client, staff):
    mentor = make_faculty("Dr. Paused Pair", capacity=2)
    paused = make_mentorship(mentor, make_student())
    Mentorship.objects.filter(pk=paused.pk).update(status="paused")
    make_mentorship(mentor, make_student())
    client.force_login(staff)
    rows = csv_rows(client.get(dashboard_url(export="faculty-load")))
    assert next(row for row in rows if row[0] == "Dr. Paused Pair")[2:] == [
        "1",
        "1",
        "2",
        "100.0",
        "full",
    ]
