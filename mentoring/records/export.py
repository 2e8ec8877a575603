"""A person's record is theirs, as a printable page and as JSON: their contact details, their
goals, their outcomes (with the mentors they tied each to and whether each confirmed), and
every mentorship they are in, as mentee or as mentor, with its meetings (shared
notes, action items), the feedback they gave and received, and their own private notes; also
the messages they sent and received, with the names of the documents attached; the
confidential concerns they sent, with their private threads.

Never the partner's private notes: each private note is read with author = the person asking.
A mentor's record names a mentee's goal only where that mentor may read it
(Goal.objects.visible_to: shared with a mentorship they mentor, while it is open).
"""

from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from mentoring.concerns.departure import sent_record
from mentoring.conversations.models import Message
from mentoring.feedback.models import Feedback
from mentoring.goals.models import Goal
from mentoring.meetings.models import Meeting, PrivateNote
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import Outcome
from mentoring.portfolio.models import PortfolioConsent
from mentoring.profiles.contact import ContactDetails


def _iso(value):
    return value.isoformat() if value else None


def build_record(user):
    readable_goals = Goal.objects.visible_to(user)
    mentorships = (
        Mentorship.objects.filter(Q(mentee=user) | Q(mentor=user))
        .select_related("mentor", "mentee", "portfolio_consent")
        .order_by("started_on", "pk")
        .prefetch_related(
            "focus_areas",
            Prefetch(
                "meetings",
                # The person's own note rides along with each meeting: a sub-query
                # rather than a query of its own keeps the page within its budget.
                queryset=Meeting.objects.order_by("starts_at")
                .annotate(my_private_note=_own_note(user))
                .prefetch_related(
                    "action_items", Prefetch("goals_discussed", queryset=readable_goals)
                ),
            ),
            Prefetch(
                "feedback",
                # Both directions in one query, split by author below; the goal's title
                # only where this person may read the goal, as a sub-query for the budget.
                queryset=Feedback.objects.annotate(
                    # Whether the mentee let their mentor's portfolio quote it.
                    is_quoted=Exists(
                        PortfolioConsent.objects.filter(quoted_feedback=OuterRef("pk"))
                    ),
                    goal_title=Subquery(
                        readable_goals.filter(pk=OuterRef("goal_id")).values("title")[:1],
                        output_field=CharField(),
                    ),
                ).order_by("created_at", "pk"),
            ),
        )
    )
    return {
        "person": {"name": user.display_name, "email": user.email},
        "exported_at": _iso(timezone.now()),
        "contact_details": _contact_record(ContactDetails.objects.of(user.pk)),
        "goals": _goals_record(user),
        "outcomes": _outcomes_record(user),
        # As mentee first, then as mentor, each oldest first.
        "mentorships": sorted(
            (_mentorship_record(m, user) for m in mentorships),
            key=lambda m: m["role"] != "mentee",
        ),
        "messages": _messages_record(user),
        "concerns_sent": sent_record(user),
    }


def _goals_record(user):
    """The person's goals in their order, each with its updates, newest first: one query,
    the updates joined (a row per update) rather than prefetched, to keep the page's budget."""
    rows = (
        Goal.objects.filter(mentee=user)
        .order_by("position", "pk", "-updates__created_at", "-updates__pk")
        .values_list(
            "pk",
            "title",
            "kind",
            "description",
            "status",
            "target_on",
            "updates__created_at",
            "updates__status",
            "updates__note",
        )
    )
    goals = {}
    for pk, title, kind, description, status, target_on, at, update_status, note in rows:
        goal = goals.setdefault(
            pk,
            {
                "title": title,
                "kind": Goal.Kind(kind).label,
                "description": description,
                "status": Goal.Status(status).label,
                "target_on": _iso(target_on),
                "updates": [],
            },
        )
        if at is not None:
            goal["updates"].append(
                {"at": _iso(at), "status": Goal.Status(update_status).label, "note": note}
            )
    return list(goals.values())


def _outcomes_record(user):
    """The person's own outcomes, newest first, each with the mentors it is tied to and
    when each confirmed: one query, the ties joined (a row per tie)."""
    rows = (
        Outcome.objects.owned_by(user)
        .order_by("-achieved_on", "-pk", "ties__tied_at", "ties__pk")
        .values_list(
            "pk",
            "kind",
            "title",
            "achieved_on",
            "venue",
            "doi",
            "pmid",
            "details",
            "ties__mentorship__mentor__display_name",
            "ties__confirmed_at",
            "ties__pk",
        )
    )
    outcomes = {}
    for pk, kind, title, on, venue, doi, pmid, details, mentor, confirmed_at, tie in rows:
        outcome = outcomes.setdefault(
            pk,
            {
                "title": title,
                "kind": Outcome.Kind(kind).label,
                "date": _iso(on),
                "venue": venue,
                "doi": doi,
                "pmid": pmid,
                "details": details,
                "tied_to": [],
            },
        )
        if tie is not None:
            outcome["tied_to"].append({"mentor": mentor, "confirmed_at": _iso(confirmed_at)})
    return list(outcomes.values())


def _contact_record(details):
    """The ways to reach them that this person chose to show partners, or None."""
    if details is None or details.is_empty:
        return None
    return {
        "email": details.email,
        "phone": details.phone,
        "video_url": details.video_url,
        "best_hours": details.best_hours,
    }


def _messages_record(user):
    """Sent and received, oldest first, with the names of their documents: one query, the
    documents joined (a row per document) rather than prefetched, to keep the page's budget."""
    rows = (
        Message.objects.visible_to(user)
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "created_at",
            "sender__display_name",
            "recipient__display_name",
            "text",
            "edited_at",
            "attachments__name",
        )
    )
    messages = {}
    for pk, at, sender, recipient, text, edited_at, document in rows:
        entry = messages.setdefault(
            pk,
            {
                "at": _iso(at),
                "from": sender,
                "to": recipient,
                "text": text,
                "edited_at": _iso(edited_at),
                "attachments": [],
            },
        )
        if document is not None:
            entry["attachments"].append(document)
    return list(messages.values())


def _own_note(user):
    """The text of this person's private note on the meeting, "" if none: never another's."""
    notes = PrivateNote.objects.filter(meeting=OuterRef("pk"), author=user)
    return Coalesce(Subquery(notes.values("text")[:1]), Value(""), output_field=TextField())


def _portfolio_record(mentorship, feedback):
    """The mentee's choices for the mentor's portfolio (portfolio/models.py)."""
    consent = getattr(mentorship, "portfolio_consent", None)
    return {
        "named": bool(consent and consent.is_named),
        "quoted_feedback_of": [_iso(entry.created_at) for entry in feedback if entry.is_quoted],
    }


def _mentorship_record(mentorship, user):
    feedback = list(mentorship.feedback.all())
    is_mentee = mentorship.mentee_id == user.pk
    return {
        "role": "mentee" if mentorship.mentee_id == user.pk else "mentor",
        "mentor": mentorship.mentor.display_name,
        "mentee": mentorship.mentee.display_name,
        "status": mentorship.get_status_display(),
        "started_on": _iso(mentorship.started_on),
        "closed_at": _iso(mentorship.closed_at),
        "focus_areas": [a.name for a in mentorship.focus_areas.all()],
        "meetings": [
            {
                "at": _iso(meeting.starts_at),
                "status": meeting.get_status_display(),
                "minutes": meeting.minutes,
                "mode": meeting.get_mode_display(),
                "agenda": meeting.agenda,
                "shared_notes": meeting.shared_notes,
                "my_private_note": meeting.my_private_note,
                "goals_discussed": [g.title for g in meeting.goals_discussed.all()],
                "action_items": [
                    {
                        "text": item.text,
                        "owner": item.get_owner_display(),
                        "due_on": _iso(item.due_on),
                        "done": item.done_at is not None,
                    }
                    for item in meeting.action_items.all()
                ],
            }
            for meeting in mentorship.meetings.all()
        ],
        "feedback_received": [
            _feedback_record(entry) for entry in feedback if entry.author_id != user.pk
        ],
        "feedback_given": [
            _feedback_record(entry) for entry in feedback if entry.author_id == user.pk
        ],
        **({"mentor_portfolio": _portfolio_record(mentorship, feedback)} if is_mentee else {}),
    }


def _feedback_record(entry):
    """Only the answers of its direction: the mentor's three, or the mentee's two."""
    if entry.direction == Feedback.Direction.TO_MENTEE:
        answers = ("strengths", "work_on", "next_challenge")
    else:
        answers = ("what_helps", "would_help_more")
    return {
        "at": _iso(entry.created_at),
        "direction": entry.get_direction_display(),
        "goal": entry.goal_title,
        **{name: getattr(entry, name) for name in answers},
    }


def record_page(request):
    return render(request, "records/record.html", {"record": build_record(request.user)})


def record_json(request):
    response = JsonResponse(build_record(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-mentoring-record.json"'
    return response
