"""A mentee's record is theirs: goals, meetings with shared notes, action items, feedback
received and their own private notes, as a printable page and as JSON. Anyone's record also
holds the messages they sent and received, with the names of the documents attached.

Never the mentor's private notes: each private note is read with author = the person asking.
"""

from django.db.models import OuterRef, Prefetch, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.feedback.models import Feedback
from mentoring.goals.models import Goal
from mentoring.meetings.models import Meeting, PrivateNote
from mentoring.mentorships.models import Mentorship


def _iso(value):
    return value.isoformat() if value else None


def build_record(user):
    goals = Goal.objects.filter(mentee=user).prefetch_related("updates")
    mentorships = (
        Mentorship.objects.filter(mentee=user)
        .select_related("mentor")
        .prefetch_related(
            "focus_areas",
            Prefetch(
                "meetings",
                # The person's own note rides along with each meeting: a sub-query
                # rather than a query of its own keeps the page within its budget.
                queryset=Meeting.objects.order_by("starts_at")
                .annotate(my_private_note=_own_note(user))
                .prefetch_related("action_items", "goals_discussed"),
            ),
            Prefetch(
                "feedback",
                queryset=Feedback.objects.filter(direction=Feedback.Direction.TO_MENTEE)
                .select_related("goal")
                .order_by("created_at"),
                to_attr="feedback_received",
            ),
        )
    )
    return {
        "person": {"name": user.display_name, "email": user.email},
        "exported_at": _iso(timezone.now()),
        "goals": [
            {
                "title": goal.title,
                "kind": goal.get_kind_display(),
                "description": goal.description,
                "status": goal.get_status_display(),
                "target_on": _iso(goal.target_on),
                "updates": [
                    {"at": _iso(u.created_at), "status": u.get_status_display(), "note": u.note}
                    for u in goal.updates.all()
                ],
            }
            for goal in goals
        ],
        "mentorships": [_mentorship_record(m) for m in mentorships],
        "messages": _messages_record(user),
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


def _mentorship_record(mentorship):
    return {
        "mentor": mentorship.mentor.display_name,
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
            {
                "at": _iso(entry.created_at),
                "goal": entry.goal.title if entry.goal else None,
                "strengths": entry.strengths,
                "work_on": entry.work_on,
                "next_challenge": entry.next_challenge,
            }
            for entry in mentorship.feedback_received
        ],
    }


def record_page(request):
    return render(request, "records/record.html", {"record": build_record(request.user)})


def record_json(request):
    response = JsonResponse(build_record(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-mentoring-record.json"'
    return response
