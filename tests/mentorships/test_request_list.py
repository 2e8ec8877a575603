"""The requests page: what waits for me, what waits for them, and the earlier ones a page
at a time, each row naming the two people, the kind, the status and who sent it."""

import re

import pytest

from accounts.models import User
from mentoring.mentorships.models import MentorshipRequest
from tests.factories import make_mentee, make_mentor, make_user

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<a href="/requests/(\d+)/">([^<]*)</a>\s*<span class="muted">([^<]*)</span>')


def rows_on(html):
    """(id, title, what the muted line says) for each row, top to bottom."""
    return [(int(pk), title, " ".join(line.split())) for pk, title, line in ROW.findall(html)]


def section(html, heading):
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("</section>", 1)[0]


def test_each_section_lists_its_own_requests(client):
    mentor = make_mentor(make_user(display_name="Dr. Ada Lin"))
    student = make_mentee(make_user(display_name="Sam Okafor"))
    other = make_mentee(make_user(email="no.name@med.example.edu"))
    User.objects.filter(pk=other.pk).update(display_name="")  # named by the address then
    asked = MentorshipRequest.objects.create(mentor=mentor, mentee=student, created_by=student)
    invited = MentorshipRequest.objects.create(
        mentor=mentor, mentee=other, created_by=mentor, kind=MentorshipRequest.Kind.INVITE
    )
    declined = MentorshipRequest.objects.create(
        mentor=mentor, mentee=other, created_by=other, status="declined"
    )

    client.force_login(mentor)
    html = client.get("/requests/").content.decode()

    assert rows_on(section(html, "Waiting for your answer")) == [
        (
            asked.pk,
            "Request: Sam Okafor and Dr. Ada Lin",
            "· Waiting for an answer · sent 0 minutes ago by Sam Okafor",
        )
    ]
    waiting = section(html, "Waiting for their answer")
    assert rows_on(waiting) == [
        (
            invited.pk,
            "Invitation: no.name@med.example.edu and Dr. Ada Lin",
            "· Waiting for an answer · sent 0 minutes ago by you",
        )
    ]
    assert f'href="/requests/{invited.pk}/withdraw/?next=list"' in waiting
    assert rows_on(section(html, "Earlier")) == [
        (
            declined.pk,
            "Request: no.name@med.example.edu and Dr. Ada Lin",
            "· Declined · sent 0 minutes ago by no.name@med.example.edu",
        )
    ]


def test_earlier_requests_come_twenty_a_page(client, django_assert_max_num_queries):
    mentor = make_mentor()
    MentorshipRequest.objects.bulk_create(
        MentorshipRequest(mentor=mentor, mentee=make_mentee(), created_by=mentor, status="declined")
        for _ in range(23)
    )
    everyone = set(MentorshipRequest.objects.values_list("pk", flat=True))

    client.force_login(mentor)
    with django_assert_max_num_queries(9):
        first = rows_on(section(client.get("/requests/").content.decode(), "Earlier"))
    second = rows_on(section(client.get("/requests/?page=2").content.decode(), "Earlier"))
    past_the_end = client.get("/requests/?page=9").content.decode()

    assert len(first) == 20 and len(second) == 3
    assert {pk for pk, _, _ in first + second} == everyone
    assert rows_on(section(past_the_end, "Earlier")) == second  # the last page


def test_a_stranger_sees_none_of_them(client):
    mentor, student = make_mentor(), make_mentee(make_user(display_name="Canary Student"))
    MentorshipRequest.objects.create(mentor=mentor, mentee=student, created_by=student)
    client.force_login(make_mentee())
    html = client.get("/requests/").content.decode()
    assert "Canary Student" not in html and rows_on(html) == []
