"""A small world for the authorization matrix: one person per column of DESIGN.md's
"Who sees what", and the rows their pages are about.

Built through the product's own functions (ask, refer, notify) so that the rows are
the ones real use creates, counters and notifications included.
"""

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mentoring.clerkships.models import Clerkship
from mentoring.concerns.models import Concern, Route
from mentoring.concerns.sending import send_concern
from mentoring.conversations import documents, sending
from mentoring.conversations.models import Attachment, Message
from mentoring.conversations.threads import Thread
from mentoring.feedback.models import Reassessment
from mentoring.goals.models import Goal
from mentoring.meetings import bookings
from mentoring.meetings.models import ActionItem, Booking, CalendarFeed, Meeting, OfficeHours
from mentoring.mentorships import asking, lifecycle
from mentoring.mentorships.models import ExpectationChange, Mentorship, MentorshipRequest
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.outcomes.models import Outcome
from mentoring.profiles.models import MentorProfile
from mentoring.programmes.models import Programme
from mentoring.roster.models import Campaign, RosterEntry
from tests.factories import (
    default_programme,
    make_clerkship,
    make_goal,
    make_mentee,
    make_mentor,
    make_mentorship,
    make_outcome,
    make_programme,
    make_rotation,
    make_user,
)
from tests.meetings.factories import local, make_action_item, make_meeting
from tests.meetings.office_hours_data import make_office_hours, slot_at

PERSONAS = [
    "anonymous",
    "outsider",  # a student with no relation to anyone below
    "mentee",
    "mentor",  # the mentee's mentor, in an active mentorship
    "other_faculty",  # a mentor with no relation to the mentee
    "asked_mentor",  # the mentor the mentee's pending request went to
    "coordinator",  # coordinates a clerkship the mentee is rotating in now
    "coordinator_out",  # coordinates another clerkship
    "programme_coordinator",  # coordinates the mentee's programme (MD)
    "programme_coordinator_out",  # coordinates another programme (PA studies)
    "staff",  # is_staff and is_superuser
]


@dataclass
class World:
    people: dict  # persona name -> User (None for anonymous)
    mentorship: Mentorship
    change: ExpectationChange  # pending, proposed by the mentor
    pending_request: MentorshipRequest  # mentee asked asked_mentor; waiting for an answer
    referred_request: MentorshipRequest  # an earlier ask, referred to a colleague
    notification: Notification  # for the mentee
    goal: Goal  # the mentee's, shared with the mentorship
    planned_meeting: Meeting  # three days ahead
    held_meeting: Meeting  # a week ago, with one action item
    action_item: ActionItem
    calendar_token: str  # the mentee's calendar feed
    reassessment: Reassessment  # the mentee's, not yet answered
    clerkship: Clerkship  # the one the mentee rotates in, run by the in-scope coordinator
    programme: Programme  # the mentee's (MD), run by programme_coordinator
    message: Message  # the mentee's to the mentor, in their mentorship, with a document
    attachment: Attachment  # that document
    request_message: Message  # asked_mentor's question on the pending request
    # Office hours (meetings/office_hours*.py), set by add_office_hours():
    office_hours: OfficeHours | None = None  # the mentor's, with the mentee's slot booked
    booking: Booking | None = None  # that slot: a planned meeting of the mentorship
    request_booking: Booking | None = None  # the mentee's slot with asked_mentor, on the request
    # Not a persona: a mentor waiting for staff to confirm they are faculty (verification.py).
    waiting_mentor: MentorProfile | None = None
    campaign: Campaign | None = None  # staff's invitations of the roster, set by add_roster()
    outcome: Outcome | None = None  # the mentee's, tied to the mentorship, set by add_outcome()
    # Confidential concerns, set by add_concern(): the mentee's, to the programme's coordinators,
    # and the mentee's answered fit check with a warning sign ticked.
    concern: Concern | None = None
    answered_reassessment: Reassessment | None = None


def build_world():
    mentee = make_mentee(make_user(display_name="Mentee Sam"), interests=["cardiology"])
    outsider = make_mentee(make_user(display_name="Outsider Student"))
    mentor = make_mentor(make_user(display_name="Dr. Their Mentor"))
    other_faculty = make_mentor(make_user(display_name="Dr. Other Faculty"))
    asked_mentor = make_mentor(make_user(display_name="Dr. Asked Mentor"))
    # Not a persona: only the target of a referral, so that following it can succeed.
    colleague = make_mentor(make_user(display_name="Dr. Referred Colleague"))
    coordinator = make_user(display_name="Coordinator In Scope")
    coordinator_out = make_user(display_name="Coordinator Out Of Scope")
    staff = make_user(display_name="Staff Person", is_staff=True, is_superuser=True)
    programme_coordinator = make_user(display_name="Programme Coordinator In Scope")
    programme_coordinator_out = make_user(display_name="Programme Coordinator Out Of Scope")
    programme = default_programme()
    programme.coordinators.add(programme_coordinator)
    # The other programme's coordinator has a student of their own, just not this mentee.
    pa = make_programme("PA studies", coordinators=[programme_coordinator_out])
    make_mentee(make_user(display_name="PA Student"), programme=pa, stage="Year 1")

    clerkship = make_clerkship("Internal Medicine", coordinators=[coordinator])
    make_rotation(mentee, clerkship)
    # The out-of-scope coordinator has students of their own, just not this mentee.
    make_rotation(outsider, make_clerkship("Surgery", coordinators=[coordinator_out]))

    mentorship = make_mentorship(mentor, mentee)
    change = ExpectationChange.objects.create(
        mentorship=mentorship, proposed_by=mentor, cadence_days=7, note="Weekly for a while?"
    )
    referred = asking.ask(mentee, asked_mentor, message="Could you help with research?")
    referred = asking.refer(referred, asked_mentor, colleague, "She runs the research block.")
    pending = asking.ask(mentee, asked_mentor, message="Could you help with applications?")
    goal = make_goal(mentee, title="Match into cardiology", shared_with=[mentorship])
    planned = make_meeting(mentorship)
    held = make_meeting(mentorship, local(days=-7), status=Meeting.Status.HELD)
    item = make_action_item(held)
    token = CalendarFeed.objects.create(user=mentee).token
    prompt = Reassessment.objects.create(
        mentorship=mentorship, respondent=mentee, due_on=mentorship.reassess_on
    )
    notification = notify(
        mentee, "test.hello", "Something for the mentee", url=lifecycle.link(mentorship)
    )
    cv = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n%%EOF\n")
    message = sending.send(Thread(mentorship, mentee), "My CV, for Friday", cv, documents.check(cv))
    request_message = sending.send(Thread(pending, asked_mentor), "Which year are you in?")

    people = {
        "anonymous": None,
        "outsider": outsider,
        "mentee": mentee,
        "mentor": mentor,
        "other_faculty": other_faculty,
        "asked_mentor": asked_mentor,
        "coordinator": coordinator,
        "coordinator_out": coordinator_out,
        "programme_coordinator": programme_coordinator,
        "programme_coordinator_out": programme_coordinator_out,
        "staff": staff,
    }
    assert list(people) == PERSONAS
    world = World(
        people=people,
        mentorship=mentorship,
        change=change,
        pending_request=pending,
        referred_request=referred,
        notification=notification,
        goal=goal,
        planned_meeting=planned,
        held_meeting=held,
        action_item=item,
        calendar_token=token,
        reassessment=prompt,
        clerkship=clerkship,
        programme=programme,
        message=message,
        attachment=message.attachments.get(),
        request_message=request_message,
    )
    add_office_hours(world)
    waiting = make_mentor(make_user(display_name="Dr. Waiting Newcomer"), verified_at=None)
    world.waiting_mentor = waiting.mentor_profile
    add_roster(world)
    add_outcome(world)
    add_concern(world)
    return world


def add_outcome(world):
    """The mentee's outcome, tied to the mentorship and waiting for the mentor to confirm."""
    world.outcome = make_outcome(
        world.people["mentee"], "Poster at the spring meeting", tied_to=[world.mentorship]
    )


def add_concern(world):
    """The mentee's concern about their mentorship, sent to the coordinators of their
    programme (MD: programme_coordinator), and a fit check they answered with a sign."""
    world.concern = send_concern(
        world.mentorship,
        world.people["mentee"],
        route=Route.COORDINATOR,
        category=Concern.Category.NO_CONTACT,
        details="My mentor has not answered for a month.",
        wants_contact=True,
    )
    world.answered_reassessment = Reassessment.objects.create(
        mentorship=world.mentorship,
        respondent=world.people["mentee"],
        kind=Reassessment.Kind.FIT_CHECK,
        due_on=world.mentorship.started_on,
        completed_at=timezone.now(),
        warning_signs=["passivity"],
    )


def add_roster(world):
    """Someone on the roster, not yet joined, and staff's campaign that invited them."""
    entry = RosterEntry.objects.create(
        email="expected@med.example.edu",
        name="Expected Student",
        role=RosterEntry.Role.STUDENT,
        programme="MD",
        programme_key="md",
    )
    world.campaign = Campaign.objects.create(started_by=world.people["staff"], total=1)
    world.campaign.invitations.create(entry=entry)


def add_office_hours(world):
    """The mentor's office hours with a slot the mentee booked, and asked_mentor's, open to
    students whose request waits, with a slot the mentee booked on the pending request."""
    people = world.people
    world.office_hours = make_office_hours(people["mentor"])
    world.booking = bookings.book(people["mentee"], world.office_hours, slot_at())
    opened = make_office_hours(people["asked_mentor"], is_open_to_requests=True)
    world.request_booking = bookings.book(people["mentee"], opened, slot_at())
