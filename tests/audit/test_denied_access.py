"""Denied access attempts: who asked for what and was refused, when; never what was there."""

import pytest
from django.urls import reverse

from mentoring.audit.models import DeniedAccess
from mentoring.records.account_deletion import delete_account
from tests.factories import make_goal, make_mentorship

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentorship(mentor, mentee):
    mentorship = make_mentorship(mentor, mentee)
    make_goal(mentee, title="CANARY-goal-title")
    return mentorship


def test_an_unrelated_student_opening_a_mentorship_is_recorded(client, outsider, mentorship):
    client.force_login(outsider)
    url = reverse("mentorships:detail", args=[mentorship.pk])
    assert client.get(url + "?q=what-they-typed").status_code == 404

    (row,) = DeniedAccess.objects.all()
    assert (row.user, row.email, row.method, row.status) == (outsider, outsider.email, "GET", 404)
    assert (row.path, row.url_name) == (url, "mentorships:detail")
    stored = " ".join(str(value) for value in DeniedAccess.objects.values().get().values())
    assert "what-they-typed" not in stored
    assert "CANARY" not in stored


def test_a_refusal_is_recorded_with_its_status(client, mentee):
    client.force_login(mentee)
    assert client.post(reverse("admin:login")).status_code == 403
    row = DeniedAccess.objects.get()
    assert (row.user, row.method, row.status, row.url_name) == (mentee, "POST", 403, "admin:login")


def test_pages_one_may_see_write_nothing(client, mentee, mentorship):
    client.force_login(mentee)
    assert client.get(reverse("mentorships:detail", args=[mentorship.pk])).status_code == 200
    assert client.get(reverse("home")).status_code == 200
    assert not DeniedAccess.objects.exists()


def test_addresses_no_route_matches_and_anonymous_visits_write_nothing(client, outsider):
    assert client.get(reverse("mentorships:detail", args=[1])).status_code == 302
    client.force_login(outsider)
    assert client.get("/wp-admin/setup.php").status_code == 404
    assert not DeniedAccess.objects.exists()


def test_staff_read_the_attempts_in_the_admin_and_cannot_change_them(
    client, staff, outsider, mentorship
):
    client.force_login(outsider)
    client.get(reverse("mentorships:detail", args=[mentorship.pk]))
    row = DeniedAccess.objects.get()

    client.force_login(staff)
    listing = client.get(reverse("admin:audit_deniedaccess_changelist"))
    assert listing.status_code == 200
    assert outsider.email in listing.content.decode()
    assert client.get(reverse("admin:audit_deniedaccess_add")).status_code == 403
    client.post(reverse("admin:audit_deniedaccess_delete", args=[row.pk]), {"post": "yes"})
    assert DeniedAccess.objects.filter(pk=row.pk).exists()


def test_coordinators_cannot_read_the_attempts(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("admin:audit_deniedaccess_changelist"))
    assert response.status_code == 302  # the admin sends non-staff to its sign-in


def test_the_attempt_outlives_the_account_that_made_it(client, outsider, mentorship):
    client.force_login(outsider)
    client.get(reverse("mentorships:detail", args=[mentorship.pk]))
    email = outsider.email
    delete_account(outsider)
    row = DeniedAccess.objects.get()
    assert (row.user, row.email) == (None, email)
