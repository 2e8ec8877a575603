"""The portfolio's figures against the database: page, CSV and JSON."""

import csv
import datetime
import io
import json

import pytest
from django.db.models import Count, Sum

from mentoring.meetings.models import Meeting
from mentoring.portfolio.figures import portfolio_for
from tests.factories import make_mentee, make_mentorship
from tests.portfolio.data import NAMED, PERIOD, SHARED_WORDS, answered, make_record

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 7, 1), datetime.date(2026, 6, 30)


@pytest.fixture
def record():
    return make_record()


def held_in_period(mentorship):
    return Meeting.objects.filter(
        mentorship=mentorship,
        status=Meeting.Status.HELD,
        starts_at__date__gte=START,
        starts_at__date__lte=END,
    ).aggregate(n=Count("pk"), minutes=Sum("minutes"))


def test_each_mentee_counts_only_meetings_held_in_the_period(record):
    portfolio = portfolio_for(record.mentor, START, END)
    by_id = {entry.mentorship_id: entry for entry in portfolio.entries}
    for mentorship in (record.named_mentorship, record.canary_mentorship):
        expected = held_in_period(mentorship)
        assert by_id[mentorship.pk].meetings == expected["n"]
        assert by_id[mentorship.pk].minutes == expected["minutes"]
    assert by_id[record.named_mentorship.pk].meetings == 3  # not the cancelled one, nor June
    assert by_id[record.named_mentorship.pk].hours == 3.3  # 195 minutes, half rounded up


def test_totals_per_year_and_for_the_period(record):
    portfolio = portfolio_for(record.mentor, START, END)
    years = {totals.label: totals for totals in portfolio.years}
    assert (years["2025"].meetings, years["2025"].minutes) == (3, 135)
    assert (years["2026"].meetings, years["2026"].minutes) == (1, 90)
    assert years["2025"].mentees == 2 and years["2026"].mentees == 2
    # Confirmed only: the unconfirmed poster is not counted.
    assert (years["2025"].outcomes, years["2026"].outcomes) == (0, 2)
    total = portfolio.total
    assert (total.mentees, total.meetings, total.hours, total.outcomes) == (2, 4, 3.8, 2)


def test_page_shows_the_named_mentee_their_figures_and_the_shared_excerpt(
    client, record, django_assert_max_num_queries
):
    client.force_login(record.mentor)
    with django_assert_max_num_queries(14):
        page = client.get("/portfolio/", PERIOD)
    text = page.content.decode()
    assert page.status_code == 200
    assert NAMED in text
    assert SHARED_WORDS in text
    assert "Noor kept these words to herself" not in text
    assert "Buprenorphine access in rural clinics" in text
    assert "Not yet confirmed poster" not in text
    assert "3 (3.3 hours)" in text


def test_query_count_does_not_grow_with_mentees(client, record, django_assert_max_num_queries):
    for _ in range(6):
        mentee = make_mentee()
        mentorship = make_mentorship(record.mentor, mentee, started_on=datetime.date(2025, 9, 1))
        answered(mentorship, 4, datetime.date(2026, 1, 1))
    client.force_login(record.mentor)
    with django_assert_max_num_queries(14):
        assert client.get("/portfolio/", PERIOD).status_code == 200


def test_csv_rows_match_the_figures(client, record, django_assert_max_num_queries):
    client.force_login(record.mentor)
    with django_assert_max_num_queries(12):
        response = client.get("/portfolio/portfolio.csv", PERIOD)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    mentees = {row["mentee"]: row for row in rows if row["row"] == "mentee"}
    assert mentees[NAMED]["meetings"] == "3" and mentees[NAMED]["hours"] == "3.3"
    assert mentees[NAMED]["confirmed outcomes"] == "1"
    total = next(row for row in rows if row["row"] == "total")
    assert (total["meetings"], total["hours"], total["confirmed outcomes"]) == ("4", "3.8", "2")
    assert total["mentee"] == "All years: 2 mentees"


def test_json_matches_the_figures(client, record, django_assert_max_num_queries):
    client.force_login(record.mentor)
    with django_assert_max_num_queries(12):
        data = json.loads(client.get("/portfolio/portfolio.json", PERIOD).content)
    assert data["period"] == {"from": "2025-07-01", "to": "2026-06-30"}
    assert data["total"] == {"mentees": 2, "meetings": 4, "hours": 3.8, "confirmed_outcomes": 2}
    named = next(m for m in data["mentees"] if m["mentee"] == NAMED)
    assert named["programme_at_start"] == "MD"
    assert named["stage_at_start"] == "Clerkship year"
    assert named["confirmed_outcomes"][0]["doi"] == "10.1000/xyz123"
    assert named["feedback_excerpts"] == [{"date": "2025-12-05", "text": SHARED_WORDS}]


def test_satisfaction_is_an_average_only_from_five_mentees(record):
    mentorships = [record.named_mentorship, record.canary_mentorship]
    for score, mentorship in zip([5, 4], mentorships, strict=True):
        answered(mentorship, score, datetime.date(2026, 1, 1))
    for _ in range(2):
        mentorship = make_mentorship(record.mentor, make_mentee(), started_on=START)
        answered(mentorship, 3, datetime.date(2026, 1, 1))
    assert portfolio_for(record.mentor, START, END).satisfaction is None  # four mentees
    fifth = make_mentorship(record.mentor, make_mentee(), started_on=START)
    answered(fifth, 2, datetime.date(2026, 1, 1))
    answered(fifth, 4, datetime.date(2026, 2, 1))  # one mentee's answers count as one
    portfolio = portfolio_for(record.mentor, START, END)
    assert portfolio.satisfaction_mentees == 5
    assert portfolio.satisfaction == round((5 + 4 + 3 + 3 + 3) / 5, 1)


def test_the_mentor_of_an_outcome_after_the_relationship_still_counts_it(record):
    # A period after both mentorships' meetings: the named one is still open, so it runs
    # on; the canary's closed today, so only a confirmed outcome could bring it in.
    later = portfolio_for(record.mentor, datetime.date(2027, 1, 1), datetime.date(2027, 6, 30))
    assert [entry.label for entry in later.entries] == [NAMED]
