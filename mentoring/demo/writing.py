"""Writing the demo school's plan (plan.py) to the database: only what is missing, keyed on
e-mail addresses and names, so that a second run of seed_demo adds nothing."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation
from mentoring.conversations.models import Message
from mentoring.demo import school
from mentoring.demo.plan import email_for
from mentoring.demo.programmes import ensure_programmes, mentors_in, stages_of
from mentoring.goals.models import Goal
from mentoring.meetings.models import Meeting, OfficeHours
from mentoring.mentorships.lifecycle import MentorFull, start_mentorship
from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import (
    Area,
    Department,
    Interest,
    MenteeProfile,
    MentorProfile,
    VerifiedHow,
    normalise_term,
)
from mentoring.programmes.models import MdStage, Programme


def totals():
    """What the demo school holds now, as (one, many, count): seed_demo prints each as a
    line ("40 faculty mentors, all new"), comparing a count taken before with one after."""
    mentors = MentorProfile.objects.all()
    mentees = MenteeProfile.objects.all()
    return [
        ("person with an account", "people with an account", User.objects.count()),
        (
            "faculty mentor",
            "faculty mentors",
            mentors.filter(user__mentee_profile__isnull=True).count(),
        ),
        ("student", "students", mentees.exclude(stage__name=MdStage.RESIDENT.label).count()),
        ("resident", "residents", mentees.filter(stage__name=MdStage.RESIDENT.label).count()),
        ("programme", "programmes", Programme.objects.count()),
        ("clerkship", "clerkships", Clerkship.objects.count()),
        ("rotation", "rotations", Rotation.objects.count()),
        ("active mentorship", "active mentorships", Mentorship.objects.active().count()),
        ("meeting", "meetings", Meeting.objects.count()),
        ("goal", "goals", Goal.objects.count()),
        ("message", "messages", Message.objects.count()),
        ("weekly office hours", "weekly office hours", OfficeHours.objects.count()),
    ]


# Planning: pure functions of the demo data, the seed and today's date.


def write_plan(plan):
    users = ensure_users(plan.people)
    programmes = ensure_programmes(users)
    departments = {
        name: Department.objects.get_or_create(name=name)[0] for name in school.DEPARTMENTS
    }
    interests = {i.key: i for i in Interest.objects.for_names(school.INTERESTS)}
    areas = {a.slug: a for a in Area.objects.all()}
    ensure_mentor_profiles(plan.mentors, users, departments, interests, areas, programmes)
    ensure_mentee_profiles(plan.mentees, users, interests, areas, programmes)
    clerkships = ensure_clerkships(plan, users, departments, programmes[None])
    ensure_rotations(plan.rotations, users, clerkships)
    ensure_mentorships(plan.mentorships, users, areas)


def ensure_users(people):
    emails = [p.email for p in people]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    missing = [p for p in people if p.email not in existing]
    if missing:
        # Hashing is deliberately slow; once for everyone keeps the seed under a second.
        password = make_password(school.DEMO_PASSWORD)
        User.objects.bulk_create(
            # Their profiles are filled in already: the first-run set-up is not offered.
            User(
                email=p.email,
                display_name=p.display_name,
                password=password,
                setup_done_at=timezone.now(),
                **p.flags,
            )
            for p in missing
        )
    users = {u.email: u for u in User.objects.filter(email__in=emails)}
    # Sign-in requires a verified address outside development.
    verified = set(
        EmailAddress.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=u, email=u.email, verified=True, primary=True)
            for u in users.values()
            if u.pk not in verified
        ],
        ignore_conflicts=True,
    )
    return users


def ensure_mentor_profiles(plans, users, departments, interests, areas, programmes):
    have = set(
        MentorProfile.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    new = [p for p in plans if users[p.email].pk not in have]
    profiles = MentorProfile.objects.bulk_create(
        MentorProfile(
            user=users[p.email],
            department=departments[p.department],
            capacity_set_at=timezone.now(),
            # The demo school imported its faculty roster (profiles/verification.py); its
            # newcomers wait for staff.
            verified_at=timezone.now() if p.is_verified else None,
            verified_how=VerifiedHow.ROSTER if p.is_verified else "",
            **p.fields,
        )
        for p in new
    )
    # Per-profile set() is a few hundred small queries, still well under a second.
    for profile, p in zip(profiles, new, strict=True):
        profile.interests.set(interests[normalise_term(name)] for name in p.interests)
        profile.areas.set(areas[slug] for slug in p.areas)
        profile.refresh_search_text()
    mentors_in(programmes, new, profiles)


def ensure_mentee_profiles(plans, users, interests, areas, programmes):
    have = set(
        MenteeProfile.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    new = [p for p in plans if users[p.email].pk not in have]
    stages = stages_of(programmes)
    profiles = MenteeProfile.objects.bulk_create(
        MenteeProfile(
            user=users[p.email],
            **p.fields
            | {
                "programme": programmes[p.programme],
                "stage": stages[p.programme, p.fields["stage"]],
            },
        )
        for p in new
    )
    for profile, p in zip(profiles, new, strict=True):
        profile.interests.set(interests[normalise_term(name)] for name in p.interests)
        profile.areas_sought.set(areas[slug] for slug in p.areas)


def ensure_clerkships(plan, users, departments, programme):
    clerkships = {}
    for entry in school.CLERKSHIPS:
        clerkship, _ = Clerkship.objects.get_or_create(
            name=entry["name"],
            defaults={"department": departments[entry["department"]], "programme": programme},
        )
        coordinator = entry.get("coordinator_email") or email_for(entry["coordinator"])
        clerkship.coordinators.add(users[coordinator])
        clerkships[entry["name"]] = clerkship
    have = set(ClerkshipFaculty.objects.values_list("clerkship_id", "faculty_id"))
    ClerkshipFaculty.objects.bulk_create(
        ClerkshipFaculty(clerkship=clerkships[name], faculty=users[email], is_grader=is_grader)
        for name, email, is_grader in plan.clerkship_faculty
        if (clerkships[name].pk, users[email].pk) not in have
    )
    return clerkships


def ensure_rotations(rotations, users, clerkships):
    first_start, last_end = min(r[2] for r in rotations), max(r[3] for r in rotations)
    # A student with any rotation this year keeps that schedule: this covers the
    # (student, clerkship, starts_on) key, and also the demo student, whose track is chosen
    # by today's date so that they are on Internal Medicine now.
    scheduled = set(
        Rotation.objects.overlapping(first_start, last_end).values_list("student_id", flat=True)
    )
    new = [
        Rotation(student=users[email], clerkship=clerkships[name], starts_on=start, ends_on=end)
        for email, name, start, end in rotations
        if users[email].pk not in scheduled
    ]
    Rotation.objects.bulk_create(new)


def ensure_mentorships(plans, users, areas):
    open_pairs = set(
        Mentorship.objects.exclude(status=Mentorship.Status.CLOSED).values_list(
            "mentor_id", "mentee_id"
        )
    )
    for p in plans:
        mentor, mentee = users[p.mentor], users[p.mentee]
        if (mentor.pk, mentee.pk) in open_pairs:
            continue
        try:
            mentorship = start_mentorship(
                mentor, mentee, focus_areas=[areas[s] for s in p.focus_areas], **p.expectations
            )
        except MentorFull:
            continue  # the mentor filled up through the app since the last run
        if p.last_contact_at:
            Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=p.last_contact_at)
