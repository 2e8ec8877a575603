"""The concerns page of the dashboards: opened and closed per programme and period, the
median time to acknowledge; counts only, small cells suppressed as in the equity view."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.concerns.models import Concern
from tests.concerns.conftest import CANARY, raise_one
from tests.factories import make_mentee, make_mentor, make_mentorship, make_programme

URL = reverse("dashboards:concerns")
HOUR = datetime.timedelta(hours=1)


def concerns_in(cast, programme, count, acknowledged_after=None, closed=0):
    """`count` concerns about pairs of `programme`, sent a day ago; some acknowledged after
    the given time and `closed` of them closed."""
    programme.ombudspeople.add(cast.ombudsperson)
    made = []
    for _ in range(count):
        pair = make_mentorship(
            make_mentor(), make_mentee(programme=programme, stage=programme.stages.first())
        )
        cast.mentorship = pair
        made.append(raise_one(cast, sender=pair.mentee))
    sent_at = timezone.now() - datetime.timedelta(days=1)
    Concern.objects.filter(pk__in=[c.pk for c in made]).update(created_at=sent_at)
    if acknowledged_after is not None:
        Concern.objects.filter(pk__in=[c.pk for c in made]).update(
            status="acknowledged", acknowledged_at=sent_at + acknowledged_after
        )
    Concern.objects.filter(pk__in=[c.pk for c in made[:closed]]).update(
        status="closed", closed_at=timezone.now(), outcome="advice"
    )
    return made


def rows(response):
    return {row[0]: row[1:] for row in response.context["table"].rows}


def test_staff_see_each_programme_with_small_ones_together(
    client, cast, django_assert_max_num_queries
):
    concerns_in(cast, cast.programme, 6, acknowledged_after=3 * HOUR, closed=5)
    for name in ("Nursing", "Dentistry"):
        concerns_in(cast, make_programme(name), 3, acknowledged_after=10 * HOUR)
    client.force_login(cast.staff)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert rows(response) == {
        "MD": [6, 5, 3.0],
        "Other groups together": [6, "fewer than 5", 10.0],
    }
    text = response.content.decode()
    assert CANARY not in text and "Boundaries" not in text


def test_a_programme_under_five_alone_is_not_shown(client, cast):
    concerns_in(cast, cast.programme, 4, acknowledged_after=HOUR)
    client.force_login(cast.staff)
    response = client.get(URL)
    assert rows(response) == {}
    assert "too few to show" in response.content.decode()


def test_a_median_needs_five_acknowledged(client, cast):
    concerns_in(cast, cast.programme, 5)
    client.force_login(cast.coordinator)
    assert rows(client.get(URL)) == {"MD": [5, "fewer than 5", "fewer than 5"]}


def test_the_period_limits_what_is_counted(client, cast):
    concerns_in(cast, cast.programme, 6, acknowledged_after=HOUR)
    client.force_login(cast.staff)
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    response = client.get(URL, {"start": last_year.isoformat(), "end": last_year.isoformat()})
    assert rows(response) == {}


def test_a_coordinator_sees_their_programmes_only_and_downloads_the_csv(client, cast):
    concerns_in(cast, cast.programme, 5, acknowledged_after=2 * HOUR)
    client.force_login(cast.other_coordinator)
    assert rows(client.get(URL)) == {}
    client.force_login(cast.coordinator)
    response = client.get(URL, {"export": "concerns"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["Programme", "Opened", "Closed", "Median hours to acknowledge"],
        ["MD", "5", "fewer than 5", "2.0"],
    ]


@pytest.mark.parametrize("who", ["mentee", "mentor", "outsider", "ombudsperson"])
def test_people_who_coordinate_nothing_get_a_404(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"export": "concerns"}).status_code == 404


def test_the_index_links_to_it(client, cast):
    client.force_login(cast.coordinator)
    assert URL in client.get(reverse("dashboards:index")).content.decode()
