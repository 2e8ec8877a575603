"""One clerkship's rotations: current first, 50 a page, names, stages and dates only."""

import datetime

from django.utils import timezone

from mentoring.clerkships.models import Rotation
from mentoring.profiles.models import MenteeProfile
from tests.factories import make_mentee, make_rotation, make_user, stage_of


def url(clerkship, page=None):
    return f"/clerkships/{clerkship.pk}/" + (f"?page={page}" if page else "")


def test_current_rotations_come_first(client, coordinator, clerkship, mentee):
    today = timezone.localdate()
    upcoming = make_rotation(
        make_user(display_name="Upcoming Student"),
        clerkship,
        starts_on=today + datetime.timedelta(days=60),
    )
    past = make_rotation(
        make_user(display_name="Past Student"),
        clerkship,
        starts_on=today - datetime.timedelta(days=200),
    )
    client.force_login(coordinator)

    response = client.get(url(clerkship))

    current = Rotation.objects.get(student=mentee)
    assert list(response.context["page"]) == [current, upcoming, past]
    assert response.content.decode().count("Rotating now") == 1


def test_shows_name_and_stage_but_nothing_private(client, coordinator, clerkship, mentee):
    MenteeProfile.objects.filter(user=mentee).update(
        stage=stage_of("final"), vision="A secret vision", gender="A private gender"
    )
    no_profile = make_user(display_name="No Profile Yet")
    make_rotation(no_profile, clerkship)
    client.force_login(coordinator)

    page = client.get(url(clerkship)).content.decode()

    assert "Sam Okafor" in page and "Final year" in page
    assert "No Profile Yet" in page
    assert "A secret vision" not in page and "A private gender" not in page
    assert mentee.email not in page


def test_fifty_a_page_at_the_same_cost(
    client, coordinator, clerkship, django_assert_max_num_queries
):
    start = timezone.localdate() - datetime.timedelta(days=500)
    students = [make_mentee(make_user()) for _ in range(120)]
    Rotation.objects.bulk_create(
        Rotation(student=s, clerkship=clerkship, starts_on=start, ends_on=start) for s in students
    )
    client.force_login(coordinator)

    with django_assert_max_num_queries(10):
        first = client.get(url(clerkship))
    with django_assert_max_num_queries(10):
        last = client.get(url(clerkship, page=3))

    assert len(first.context["page"]) == 50
    assert "Page 1 of 3" in first.content.decode()
    assert len(last.context["page"]) == 21  # 120 and the mentee's


def test_empty_clerkship_offers_the_import(client, coordinator_out, other_clerkship):
    Rotation.objects.filter(clerkship=other_clerkship).delete()
    client.force_login(coordinator_out)
    page = client.get(url(other_clerkship)).content.decode()
    assert "No rotations yet" in page
    assert f"/clerkships/{other_clerkship.pk}/import/" in page
