"""Turning the plan into rows: small reference tables through the ORM, everything else by
COPY with ids numbered here, so that rows can point at each other before they exist."""

import datetime
import itertools

from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse

from accounts.models import User
from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation
from mentoring.feedback.models import Feedback, FeedbackRequest, Reassessment
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.meetings.models import ActionItem, Meeting, PrivateNote
from mentoring.mentorships.models import Mentorship, MentorshipEvent, MentorshipRequest
from mentoring.notifications.models import Notification
from mentoring.profiles.listing import VerifiedHow, is_listable
from mentoring.profiles.models import Area, Department, Interest, MenteeProfile, MentorProfile
from mentoring.programmes.models import MdStage, Programme
from mentoring.scale import activity
from mentoring.scale import vocabulary as words
from mentoring.scale.copying import next_id

OTHER_TIME_ZONES = ["America/Chicago", "America/Denver", "America/Los_Angeles"]
Status = MentorshipRequest.Status


def id_counter(model):
    return itertools.count(next_id(model)).__next__


class Writer:
    def __init__(self, copier, rng, now):
        self.rng, self.now = rng, now
        self.copy = copier.copy

    # Reference rows: few, and shared with the demo school, so through the ORM.

    def reference_rows(self, people):
        names = list(words.LOCATIONS)
        Department.objects.bulk_create([Department(name=n) for n in names], ignore_conflicts=True)
        self.departments = dict(Department.objects.filter(name__in=names).values_list("name", "id"))
        interests = Interest.objects.for_names(people.vocabulary.values())
        self.interests = {i.key: i.pk for i in interests}
        self.interest_names = {i.key: i.name for i in interests}
        self.areas = dict(Area.objects.values_list("slug", "id"))
        # Area orders by position, then name.
        self.area_names = {a.slug: (a.position, a.name) for a in Area.objects.all()}
        # One programme, the default (MD): its stages are the plan's (programmes.MdStage).
        self.programme = Programme.objects.default()
        names = self.programme.stage_ids()
        self.stage_ids = {key: names[label] for key, label in MdStage.choices}
        Clerkship.objects.bulk_create(
            [
                Clerkship(name=n, department_id=self.departments[n], programme=self.programme)
                for n in words.CLERKSHIPS
            ],
            ignore_conflicts=True,
        )
        self.clerkships = dict(
            Clerkship.objects.filter(name__in=words.CLERKSHIPS).values_list("name", "id")
        )

    # People

    def users(self, people, password):
        rows = [
            *((f, f.is_active, False, False) for f in people.faculty),
            *((s, True, False, False) for s in people.students),
            *((s, True, s.is_staff, s.is_superuser) for s in people.staff),
        ]

        def user_row(person, is_active, is_staff, is_superuser):
            joined = getattr(person, "joined_on", None) or self.now.date()
            zone = settings.DEFAULT_USER_TIME_ZONE
            if self.rng.random() < 0.1:
                zone = self.rng.choice(OTHER_TIME_ZONES)
            return (
                person.user_id,
                password,
                None,
                is_superuser,
                person.email,
                person.name,
                zone,
                is_active,
                is_staff,
                datetime.datetime.combine(joined, datetime.time(14), datetime.UTC),
            )

        fields = ["id", "password", "last_login", "is_superuser", "email", "display_name"]
        fields += ["time_zone", "is_active", "is_staff", "date_joined"]
        self.copy(User, fields, (user_row(*r) for r in rows), len(rows), "users")
        # Sign-in requires a verified address whenever DEBUG is off.
        ids = id_counter(EmailAddress)
        self.copy(
            EmailAddress,
            ["id", "user", "email", "verified", "primary"],
            ((ids(), p.user_id, p.email, True, True) for p, *_ in rows),
            len(rows),
            "e-mail addresses",
        )

    def mentor_profiles(self, faculty):
        ids = id_counter(MentorProfile)
        self.mentor_profile_ids = {f.user_id: ids() for f in faculty}
        columns = list(faculty[0].fields) if faculty else []
        fields = ["id", "user", "department", *columns]
        fields += ["active_mentee_count", "pending_request_count", "search_text", "updated_at"]
        # The copy of the account's name, and is_listed (listing.is_listable): every
        # planned profile has interests, areas and a capacity, so it is complete, and is
        # verified as faculty from the school's roster.
        fields += ["display_name", "is_listed", "capacity_set_at", "is_complete"]
        fields += ["verified_at", "verified_how", "verification_asked_at"]
        self.copy(
            MentorProfile,
            fields,
            (
                (self.mentor_profile_ids[f.user_id], f.user_id, self.departments[f.department])
                + tuple(f.fields[c] for c in columns)
                + (f.open_mentees, f.pending_asks, self.search_text(f), self.now)
                + (
                    f.name,
                    is_listable(is_active=f.is_active, is_complete=True, verified_at=self.now),
                )
                + (self.now, True)
                + (self.now, VerifiedHow.ROSTER, self.now)
                for f in faculty
            ),
            len(faculty),
            "faculty profiles",
        )
        pairs = ((self.mentor_profile_ids[f.user_id], f) for f in faculty)
        self.m2m(MentorProfile.interests, pairs, "interests", self.interests, "faculty interests")
        pairs = ((self.mentor_profile_ids[f.user_id], f) for f in faculty)
        self.m2m(MentorProfile.areas, pairs, "areas", self.areas, "areas offered")
        through, ids = (
            MentorProfile.programmes.through,
            id_counter(MentorProfile.programmes.through),
        )
        rows = [
            (ids(), profile_id, self.programme.pk)
            for profile_id in self.mentor_profile_ids.values()
        ]
        self.copy(through, ["id", "mentorprofile", "programme"], rows, len(rows), "programmes")

    def mentee_profiles(self, students):
        ids = id_counter(MenteeProfile)
        profile_ids = {s.user_id: ids() for s in students}
        columns = list(students[0].fields) if students else []
        # The plan's stage is a key of programmes.MdStage; the row's, the programme's stage.
        stage_of = {"stage": self.stage_ids.get}
        self.copy(
            MenteeProfile,
            ["id", "user", *columns, "programme", "updated_at"],
            (
                (profile_ids[s.user_id], s.user_id)
                + tuple(stage_of.get(c, lambda value: value)(s.fields[c]) for c in columns)
                + (self.programme.pk, self.now)
                for s in students
            ),
            len(students),
            "student profiles",
        )
        pairs = ((profile_ids[s.user_id], s) for s in students)
        self.m2m(MenteeProfile.interests, pairs, "interests", self.interests, "student interests")
        pairs = ((profile_ids[s.user_id], s) for s in students)
        self.m2m(MenteeProfile.areas_sought, pairs, "areas", self.areas, "areas sought")

    def m2m(self, descriptor, pairs, attribute, ids_of, label):
        """One through table of a ManyToManyField: (owner id, planned object) pairs, the
        object's `attribute` naming the related rows by key."""
        through = descriptor.through
        field = descriptor.field
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        ids = id_counter(through)
        rows = [
            (ids(), owner_id, ids_of[key])
            for owner_id, planned in pairs
            for key in getattr(planned, attribute)
        ]
        self.copy(through, ["id", source, target], rows, len(rows), label)

    def search_text(self, person):
        """MentorProfile.refresh_search_text's column, built from the plan: calling it costs
        three queries a profile (minutes at this size), so tests/test_seed_scale.py checks
        that it gives exactly this text for seeded profiles."""
        f = person.fields
        return MentorProfile.compose_search_text(
            person.name,
            f["title"],
            f["specialty"],
            person.department,
            f["location"],
            (self.interest_names[key] for key in sorted(person.interests)),  # ordered by key
            (name for _, name in sorted(self.area_names[slug] for slug in person.areas)),
            f["bio"],
        )

    # Clerkships

    def clerkship_rows(self, people):
        coordinators = Clerkship.coordinators.through
        ids = id_counter(coordinators)
        rows = [
            (ids(), self.clerkships[s.clerkship], s.user_id) for s in people.staff if s.clerkship
        ]
        self.copy(coordinators, ["id", "clerkship", "user"], rows, len(rows), "coordinators")
        ids = id_counter(ClerkshipFaculty)
        rows = [
            (ids(), self.clerkships[name], user_id, is_grader)
            for name, user_id, is_grader in people.clerkship_faculty
        ]
        fields = ["id", "clerkship", "faculty", "is_grader"]
        self.copy(ClerkshipFaculty, fields, rows, len(rows), "clerkship faculty")
        ids = id_counter(Rotation)
        self.copy(
            Rotation,
            ["id", "student", "clerkship", "starts_on", "ends_on"],
            (
                (ids(), user_id, self.clerkships[name], start, end)
                for user_id, name, start, end in people.rotations
            ),
            len(people.rotations),
            "rotations",
        )

    # Mentorships and requests

    def mentorships(self, plans):
        fields = ["id", "mentor", "mentee", "status", "started_on", "reassess_on"]
        fields += ["last_contact_at", "next_meeting_at", "created_at", "paused_at", "closed_at"]
        fields += [
            "closed_by",
            "close_reason",
            "closing_reflection",
            *Mentorship.EXPECTATION_FIELDS,
        ]
        closed = Mentorship.Status.CLOSED
        rows = (
            (
                m.id,
                m.mentor.user_id,
                m.mentee.user_id,
                m.status,
                m.started_on,
                m.reassess_on,
                m.last_held_at,
                m.next_at,
                m.created_at or m.started_at,
                m.ended_at if m.status == Mentorship.Status.PAUSED else None,
                m.ended_at if m.status == closed else None,
                m.closed_by_id,
                m.close_reason,
                m.closing_reflection,
                m.cadence_days,
                m.meeting_minutes,
                m.main_mode,
                m.response_hours,
                m.reassess_every_days,
            )
            for m in plans
        )
        self.copy(Mentorship, fields, rows, len(plans), "mentorships")
        self.m2m(
            Mentorship.focus_areas,
            ((m.id, m) for m in plans),
            "focus_areas",
            self.areas,
            "focus areas",
        )
        ids = id_counter(MentorshipEvent)
        rows = [(ids(), m.id, kind, by, "", at) for m in plans for kind, by, at in m.events]
        fields = ["id", "mentorship", "kind", "by", "summary", "at"]
        self.copy(MentorshipEvent, fields, rows, len(rows), "mentorship events")

    def requests(self, plans):
        fields = ["id", "kind", "mentor", "mentee", "created_by", "message", "preferred_mode"]
        fields += ["since_on", "status", "created_at", "answered_at", "answer_message"]
        fields += ["referred_to", "referred_from", "mentorship"]
        rows = (
            (
                r.id,
                r.kind,
                r.mentor.user_id,
                r.mentee.user_id,
                r.created_by_id,
                r.message,
                r.preferred_mode,
                r.since_on,
                r.status,
                r.created_at,
                r.answered_at,
                r.answer_message,
                r.referred_to_id,
                r.referred_from_id,
                r.mentorship_id,
            )
            for r in plans
        )
        self.copy(MentorshipRequest, fields, rows, len(plans), "requests")
        self.m2m(
            MentorshipRequest.areas,
            ((r.id, r) for r in plans),
            "areas",
            self.areas,
            "request areas",
        )
        rows = list(self.request_notifications(plans))
        fields = ["id", "recipient", "kind", "title", "body", "url", "created_at", "read_at"]
        fields += ["email_status", "email_attempts", "emailed_at"]
        self.copy(Notification, fields, rows, len(rows), "notifications")

    def request_notifications(self, plans):
        """The inbox rows the requests made: one to whoever had to answer, one back with
        the answer (the expiry tells both), as mentorships.asking and reminders write."""
        ids, rng = id_counter(Notification), self.rng
        link = reverse("mentorships:request", args=[0]).replace("/0/", "/{}/")
        new_kind = {"ask": "request.new", "invite": "invitation.new", "register": "register.new"}
        for r in plans:
            sender = r.mentee if r.created_by_id == r.mentee.user_id else r.mentor
            answerer = r.mentor if sender is r.mentee else r.mentee
            url = link.format(r.id)
            title = {
                "ask": f"{r.mentee.name} asked you to be their mentor",
                "invite": f"{r.mentor.name} would be glad to mentor you",
                "register": f"{sender.name} recorded that you already meet as mentor and mentee",
            }[r.kind]
            read = r.answered_at or (self.now if rng.random() < 0.5 else None)
            yield self.notice(ids(), answerer, new_kind[r.kind], title, url, r.created_at, read)
            answers = {
                Status.ACCEPTED: (
                    "request.accepted",
                    [sender],
                    "accepted: you are now mentor and mentee",
                ),
                Status.DECLINED: ("request.declined", [sender], "can't take this on right now"),
                Status.REFERRED: ("request.referred", [r.mentee], "suggests you ask a colleague"),
                Status.EXPIRED: ("request.expired", [r.mentee, r.mentor], ""),
            }
            if r.status not in answers:
                continue
            kind, recipients, words_ = answers[r.status]
            for person in recipients:
                other = r.mentor if person is r.mentee else r.mentee
                if r.status == Status.EXPIRED:
                    title = f"The request between you and {other.name} has expired"
                else:
                    title = f"{answerer.name} {words_}"
                read = min(r.answered_at + datetime.timedelta(hours=rng.uniform(0.5, 48)), self.now)
                yield self.notice(ids(), person, kind, title, url, r.answered_at, read)

    @staticmethod
    def notice(notice_id, person, kind, title, url, at, read_at):
        emailed = at + datetime.timedelta(minutes=1)
        return (
            notice_id,
            person.user_id,
            kind,
            title[:200],
            "",
            url,
            at,
            read_at,
            "sent",
            1,
            emailed,
        )

    # Goals, meetings, feedback, reassessments

    def goals(self, goals):
        self.copy(Goal, activity.GOAL_FIELDS, (g.row for g in goals), len(goals), "goals")
        shares = list(activity.goal_share_rows(goals, id_counter(Goal.shared_with.through)))
        self.copy(
            Goal.shared_with.through,
            ["id", "goal", "mentorship"],
            shares,
            len(shares),
            "shared goals",
        )
        updates = list(activity.goal_update_rows(self.rng, goals, id_counter(GoalUpdate)))
        self.copy(GoalUpdate, activity.GOAL_UPDATE_FIELDS, updates, len(updates), "goal updates")

    def meetings(self, plans, shared_goals, total):
        ids = {
            "meeting": id_counter(Meeting),
            "action_item": id_counter(ActionItem),
            "private_note": id_counter(PrivateNote),
            "discussed": id_counter(Meeting.goals_discussed.through),
            "feedback": id_counter(Feedback),
        }
        meetings = activity.MeetingRows(self.rng, shared_goals, ids, self.now)
        self.copy(Meeting, activity.MEETING_FIELDS, meetings.rows(plans), total, "meetings")
        for model, fields, rows, label in [
            (ActionItem, activity.ACTION_ITEM_FIELDS, meetings.action_items, "action items"),
            (PrivateNote, activity.PRIVATE_NOTE_FIELDS, meetings.private_notes, "private notes"),
            (
                Meeting.goals_discussed.through,
                ["id", "meeting", "goal"],
                meetings.discussed,
                "goals discussed",
            ),
            (Feedback, activity.FEEDBACK_FIELDS, meetings.feedback, "feedback"),
        ]:
            self.copy(model, fields, rows, len(rows), label)

    def feedback_requests(self, plans, shared_goals):
        """A few mentees have asked for feedback recently and wait for it (one open each)."""
        ids, rng = id_counter(FeedbackRequest), self.rng
        rows = [
            (
                ids(),
                m.id,
                rng.choice(shared_goals[m.id])[0] if shared_goals.get(m.id) else None,
                self.now - datetime.timedelta(days=rng.uniform(0.5, 14)),
                None,
            )
            for m in plans
            if m.status == Mentorship.Status.ACTIVE and m.held_count and rng.random() < 0.03
        ]
        fields = ["id", "mentorship", "goal", "created_at", "answered_by"]
        self.copy(FeedbackRequest, fields, rows, len(rows), "feedback requests")

    def reassessments(self, plans):
        total = 2 * sum(len(m.prompts) for m in plans)
        rows = activity.reassessment_rows(self.rng, plans, id_counter(Reassessment), self.now)
        self.copy(Reassessment, activity.REASSESSMENT_FIELDS, rows, total, "reassessments")
