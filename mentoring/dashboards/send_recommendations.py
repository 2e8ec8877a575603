"""Sending a student the mentors who fit them now: a nudge to ask, never a pairing.

Coordinators watch and encourage; they do not assign (DOMAIN.md). So the student gets a
kind note and a few names to read about, and decides whether to ask anyone.
"""

import enum

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mentoring.matching.candidates import candidates_for, load_mentee, mentee_facts
from mentoring.matching.recommend import rank
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.profiles.models import MenteeProfile

HOW_MANY = 3
KIND = "dashboard.recommendations"


class Outcome(enum.Enum):
    SENT = "sent"
    ALREADY_TODAY = "already_today"
    HAS_MENTOR = "has_mentor"
    NO_PROFILE = "no_profile"
    NO_MATCH = "no_match"


def default_note(coordinating):
    """coordinating: "the Internal Medicine clerkship", "the MD programme", or None."""
    where = f"I coordinate {coordinating}. " if coordinating else ""
    return (
        f"{where}Many students find a mentor simply by asking someone whose interests they "
        "share, and faculty are usually glad to be asked. Here are a few people you might "
        "like to meet."
    )


def dedupe_key(student, day):
    # One per student per day, whoever sends it: two coordinators must not double it.
    return f"{KIND}:{student.pk}:{day:%Y%m%d}"


def send_recommendations(student, sender, coordinating=None, note=""):
    """Notify the student of their current top mentors, once a day at most. The caller
    has checked that the student is in the sender's scope."""
    key = dedupe_key(student, timezone.localdate())
    if Notification.objects.filter(dedupe_key=key).exists():
        return Outcome.ALREADY_TODAY
    if Mentorship.objects.active().filter(mentee=student).exists():
        return Outcome.HAS_MENTOR
    try:
        profile = load_mentee(student)
    except MenteeProfile.DoesNotExist:
        return Outcome.NO_PROFILE
    ranked = rank(mentee_facts(profile), candidates_for(profile), limit=HOW_MANY)
    if not ranked:
        return Outcome.NO_MATCH
    lines = [
        f"- {r.candidate.name}: "
        f"{settings.SITE_URL}{reverse('matching:mentor', args=[r.candidate.mentor_id])}"
        for r in ranked
    ]
    body = "\n".join(
        [
            note.strip() or default_note(coordinating),
            f"— {sender}",
            "",
            "Faculty with room who fit what your profile says:",
            *lines,
            "",
            "These are suggestions, not assignments: read their profiles and ask whoever "
            "fits you, if anyone does.",
        ]
    )
    sent = notify(
        student,
        KIND,
        f"{sender} suggests mentors you might like to meet",
        body=body,
        url=reverse("matching:recommendations"),
        dedupe_key=key,
    )
    return Outcome.SENT if sent else Outcome.ALREADY_TODAY
