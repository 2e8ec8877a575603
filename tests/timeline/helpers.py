"""Reading the timeline page as a person would, and the few rows tests/factories.py lacks."""

import datetime
import html
import re

from django.utils import timezone

from mentoring.feedback.models import Feedback, Reassessment

EVENT = re.compile(r'<li class="event (\w+)">.*?<h2>(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")


def ago(days=0, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


def timeline_url(mentorship, page=None):
    url = f"/mentorships/{mentorship.pk}/timeline/"
    return f"{url}?page={page}" if page else url


def events_on(response):
    """The page's events, top to bottom, as (kind, title) with the markup stripped."""
    assert response.status_code == 200
    page = response.content.decode()
    return [(kind, html.unescape(TAG.sub("", title))) for kind, title in EVENT.findall(page)]


def titles_on(response):
    return [title for _, title in events_on(response)]


def make_feedback(mentorship, to_mentee=True, **fields):
    return Feedback.objects.create(
        mentorship=mentorship,
        author=mentorship.mentor if to_mentee else mentorship.mentee,
        direction=Feedback.Direction.TO_MENTEE if to_mentee else Feedback.Direction.TO_MENTOR,
        **fields,
    )


def make_reassessment(mentorship, respondent, completed_at=None, due_days_ago=1, **fields):
    """A periodic reassessment prompt; answered when completed_at is given."""
    return Reassessment.objects.create(
        mentorship=mentorship,
        respondent=respondent,
        due_on=timezone.localdate() - datetime.timedelta(days=due_days_ago),
        completed_at=completed_at,
        **fields,
    )
