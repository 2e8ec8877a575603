"""The staff's queue of mentors waiting to be verified as faculty: what staff see, approving,
refusing with a reason (and what the person then sees), and who else may open it (no one)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.audit.models import FacultyDecision
from mentoring.notifications.models import Notification
from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentor, make_user

pytestmark = pytest.mark.django_db
QUEUE = reverse("profiles:verification-queue")


def waiting_mentor(name, days_ago=0, **fields):
    user = make_mentor(
        make_user(display_name=name),
        interests=["Pharmacology"],
        areas=["research"],
        verified_at=None,
        **fields,
    )
    asked = timezone.now() - datetime.timedelta(days=days_ago)
    MentorProfile.objects.filter(user=user).update(verification_asked_at=asked)
    return MentorProfile.objects.select_related("user").get(user=user)


def profile_of(profile):
    return MentorProfile.objects.get(pk=profile.pk)


def test_staff_see_who_waits_oldest_first_with_what_they_need(
    client, staff, mentor, django_assert_max_num_queries
):
    waiting_mentor("Dr. Recent Ask", days_ago=1)
    waiting_mentor(
        "Dr. Early Ask",
        days_ago=6,
        bio="Twenty years in clinical pharmacology.",
        can_offer="Research projects for students.",
        career_stage="late",
        department="Pharmacology",
    )
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        page = client.get(QUEUE).content.decode()
    assert page.index("Dr. Early Ask") < page.index("Dr. Recent Ask")
    for shown in [
        "Twenty years in clinical pharmacology.",
        "Research projects for students.",
        "Late-career",
        "Pharmacology",
        "6\xa0days ago",
    ]:
        assert shown in page, shown
    assert "Dr. Ines Alvarez" not in page  # the mentor fixture is verified already
    assert "2 waiting." in page


def test_the_queue_is_paginated_and_its_cost_does_not_grow(
    client, staff, django_assert_max_num_queries
):
    for n in range(25):
        waiting_mentor(f"Dr. Waiting {n:02d}", days_ago=30 - n)
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        first = client.get(QUEUE).content.decode()
    assert "Dr. Waiting 00" in first and "Dr. Waiting 20" not in first
    assert "Page 1 of 2" in first
    second = client.get(QUEUE + "?page=2").content.decode()
    assert "Dr. Waiting 24" in second and "Dr. Waiting 00" not in second


def test_an_empty_queue_says_so(client, staff):
    client.force_login(staff)
    assert "Nobody is waiting." in client.get(QUEUE).content.decode()


def test_approving_lists_tells_and_records_once(client, staff, outsider):
    waiting = waiting_mentor("Dr. Nadia Quist")
    client.force_login(staff)
    url = reverse("profiles:verification-approve", args=[waiting.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a double click changes nothing more
    profile = profile_of(waiting)
    assert profile.is_listed and (profile.verified_how, profile.verified_by) == ("staff", staff)
    notice = Notification.objects.get(recipient=waiting.user)
    assert notice.kind == "listing.verified" and "directory" in notice.body
    decision = FacultyDecision.objects.get()
    assert (decision.user, decision.mentor, decision.decision) == (staff, waiting.user, "approved")
    assert "was confirmed already" in client.get(QUEUE).content.decode()
    assert "Dr. Nadia Quist" not in client.get(QUEUE).content.decode()
    client.force_login(outsider)
    assert "Dr. Nadia Quist" in client.get(reverse("matching:directory")).content.decode()


def test_refusing_asks_for_a_reason_first(client, staff, django_assert_max_num_queries):
    waiting = waiting_mentor("Dr. Not Faculty")
    url = reverse("profiles:verification-refuse", args=[waiting.pk])
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        confirm = client.get(url).content.decode()
    assert "Refuse Dr. Not Faculty as a mentor?" in confirm and "Keep them waiting" in confirm
    for empty in ["", "   "]:
        response = client.post(url, {"reason": empty})
        assert "Say why, in words the person will read." in response.content.decode()
    response = client.post(url, {"reason": "x" * 1001})
    assert "at most 1000 characters" in response.content.decode()
    profile = profile_of(waiting)
    assert (profile.refused_at, profile.verified_at, profile.is_listed) == (None, None, False)
    assert not Notification.objects.exists() and not FacultyDecision.objects.exists()


def test_a_refused_mentor_reads_the_reason_and_may_ask_again(
    client, staff, django_assert_max_num_queries
):
    waiting = waiting_mentor("Dr. Not Faculty")
    client.force_login(staff)
    reason = "We could not find you on the faculty list."
    url = reverse("profiles:verification-refuse", args=[waiting.pk])
    assert client.post(url, {"reason": reason}).status_code == 302
    queue = client.get(QUEUE).content.decode()
    assert "Dr. Not Faculty is not listed; they are told why." in queue
    assert f'id="waiting-{waiting.pk}"' not in queue
    # A second refusal, or an approval, of someone no longer waiting: told, nothing changes.
    client.post(url, {"reason": "Again"})
    assert profile_of(waiting).refused_reason == reason
    notice = Notification.objects.get(recipient=waiting.user)
    assert notice.kind == "listing.refused" and reason in notice.body
    assert FacultyDecision.objects.get().decision == "refused"

    client.force_login(waiting.user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("profiles:edit-mentor")).content.decode()
    assert "could not confirm you as faculty" in page and reason in page
    assert reason in client.get(reverse("home")).content.decode()
    client.post(reverse("profiles:verification-ask-again"))
    profile = profile_of(waiting)
    assert (profile.refused_at, profile.refused_reason) == (None, "")
    client.force_login(staff)
    assert f'id="waiting-{waiting.pk}"' in client.get(QUEUE).content.decode()


def test_a_waiting_mentor_is_told_why_and_by_whom(client, settings):
    settings.MENTOR_VERIFICATION_DAYS = 4
    waiting = waiting_mentor("Dr. Nadia Quist")
    client.force_login(waiting.user)
    expected = (
        "Your mentor profile will be listed once the school&#x27;s staff confirm you are "
        "faculty; usually within 4 days."
    )
    assert expected in client.get(reverse("profiles:edit-mentor")).content.decode()
    assert expected in client.get(reverse("home")).content.decode()
    settings.MENTOR_VERIFICATION_SSO = "your Example University account"
    page = client.get(reverse("profiles:edit-mentor")).content.decode()
    assert "Signing in with your Example University account confirms it at once" in page


def test_staff_home_counts_who_waits_and_the_menu_links_the_queue(
    client, staff, django_assert_max_num_queries
):
    waiting_mentor("Dr. One")
    waiting_mentor("Dr. Two")
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        home = client.get(reverse("home")).content.decode()
    assert "2 mentors wait for you to confirm they are faculty" in home
    assert f'href="{QUEUE}"' in home


@pytest.mark.parametrize("persona", ["mentor", "mentee", "coordinator", "outsider"])
def test_no_one_but_staff_opens_or_acts_on_the_queue(client, persona, request):
    waiting = waiting_mentor("Dr. Nadia Quist")
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 404
    assert f'href="{QUEUE}"' not in client.get(reverse("home")).content.decode()
    assert (
        client.post(reverse("profiles:verification-approve", args=[waiting.pk])).status_code == 404
    )
    refuse = reverse("profiles:verification-refuse", args=[waiting.pk])
    assert client.get(refuse).status_code == 404
    assert client.post(refuse, {"reason": "No"}).status_code == 404
    profile = profile_of(waiting)
    assert (profile.verified_at, profile.refused_at) == (None, None)
