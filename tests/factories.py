"""Plain functions that make test data. Each returns saved rows; keyword arguments override."""

import datetime
import itertools

from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.mentorships.lifecycle import start_mentorship
from mentoring.outcomes.models import Outcome, OutcomeTie
from mentoring.profiles.models import (
    Area,
    Department,
    Interest,
    MenteeProfile,
    MentorProfile,
    VerifiedHow,
)
from mentoring.programmes.models import MdStage, Programme, Stage

_serial = itertools.count(1)


def make_user(email=None, display_name=None, password="a-long-test-password", **fields):
    n = next(_serial)
    # Someone who has used the site already; a new person's test passes setup_done_at=None.
    fields.setdefault("setup_done_at", timezone.now())
    return User.objects.create_user(
        email=email or f"person{n}@med.example.edu",
        display_name=display_name or f"Person {n}",
        password=password,
        **fields,
    )


# The default programme's stages by the short names tests use (the values the stage had
# before programmes): make_mentee(stage="final").
STAGE_NAMES = dict(MdStage.choices)


def default_programme():
    return Programme.objects.default()


def stage_of(stage, programme=None):
    """A Stage from a short name ("preclinical") or a stage's name in `programme` (the
    default programme unless given); "" or None is no stage."""
    if not stage or isinstance(stage, Stage):
        return stage or None
    programme = programme or default_programme()
    return programme.stage_named(STAGE_NAMES.get(stage, stage))


def make_programme(name, stages=(("Year 1", True), ("Year 2", False)), coordinators=()):
    programme = Programme.objects.create(name=name)
    programme.add_stages(stages)
    programme.coordinators.set(coordinators)
    return programme


def make_mentor(
    user=None, interests=(), areas=(), department="Internal Medicine", programmes=None, **fields
):
    user = user or make_user()
    fields.setdefault("department", Department.objects.get_or_create(name=department)[0])
    # A mentor the directory lists, as the tests mean by "a mentor" (whatever interests and
    # areas the test gives); a profile still missing answers passes is_complete=False.
    fields.setdefault("is_complete", True)
    # Verified as faculty (verification.py), as a school's existing mentors are; a test of
    # the queue passes verified_at=None.
    fields.setdefault("verified_at", timezone.now())
    fields.setdefault("verified_how", VerifiedHow.ROSTER if fields["verified_at"] else "")
    fields.setdefault("capacity_set_at", timezone.now())
    fields.setdefault("mode_in_person", True)  # the model assumes nothing; test people say
    profile = MentorProfile.objects.create(user=user, **fields)
    profile.interests.set(Interest.objects.for_names(interests))
    profile.areas.set(Area.objects.filter(slug__in=areas))
    # Mentoring in the default programme, as migration profiles 0013 put every mentor.
    profile.programmes.set([default_programme()] if programmes is None else programmes)
    return user


def make_mentee(user=None, interests=(), areas=(), **fields):
    user = user or make_user()
    # A student who has answered (the model leaves stage and modes unset until they do);
    # a test of unset answers passes stage="" and mode_in_person=False. Stages are of the
    # default programme unless a programme is given.
    fields.setdefault("programme", default_programme())
    fields["stage"] = stage_of(fields.get("stage", "preclinical"), fields["programme"])
    fields.setdefault("mode_in_person", True)
    profile = MenteeProfile.objects.create(user=user, **fields)
    profile.interests.set(Interest.objects.for_names(interests))
    profile.areas_sought.set(Area.objects.filter(slug__in=areas))
    return user


def make_clerkship(name=None, coordinators=(), graders=(), teachers=(), programme=None):
    clerkship = Clerkship.objects.create(
        name=name or f"Clerkship {next(_serial)}", programme=programme or default_programme()
    )
    clerkship.coordinators.set(coordinators)
    for faculty in graders:
        ClerkshipFaculty.objects.create(clerkship=clerkship, faculty=faculty, is_grader=True)
    for faculty in teachers:
        ClerkshipFaculty.objects.create(clerkship=clerkship, faculty=faculty)
    return clerkship


def make_rotation(student, clerkship, starts_on=None, weeks=6):
    starts_on = starts_on or timezone.localdate() - datetime.timedelta(weeks=1)
    return Rotation.objects.create(
        student=student,
        clerkship=clerkship,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(weeks=weeks),
    )


def make_mentorship(mentor, mentee, **fields):
    return start_mentorship(mentor, mentee, **fields)


def make_goal(mentee, title=None, kind=Goal.Kind.SPECIFIC, shared_with=(), updates=(), **fields):
    """A goal at the end of the mentee's list; updates are (status, note) pairs, oldest first."""
    fields.setdefault("position", Goal.objects.filter(mentee=mentee).count() + 1)
    goal = Goal.objects.create(
        mentee=mentee, kind=kind, title=title or f"Goal {fields['position']}", **fields
    )
    goal.shared_with.set(shared_with)
    for status, note in updates:
        GoalUpdate.objects.create(goal=goal, author=mentee, status=status, note=note)
    return goal


def make_outcome(
    mentee, title=None, kind=Outcome.Kind.PUBLICATION, tied_to=(), confirmed=(), **fields
):
    """An outcome tied to the mentorships `tied_to`, those in `confirmed` confirmed now."""
    fields.setdefault("achieved_on", timezone.localdate() - datetime.timedelta(days=30))
    outcome = Outcome.objects.create(
        mentee=mentee, kind=kind, title=title or f"Outcome {next(_serial)}", **fields
    )
    for mentorship in tied_to:
        OutcomeTie.objects.create(
            outcome=outcome,
            mentorship=mentorship,
            confirmed_at=timezone.now() if mentorship in confirmed else None,
        )
    return outcome
