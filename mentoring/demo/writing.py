"""Writing the demo school's plan (plan.py) to the database: only what is missing, keyed on
e-mail addresses and names, so that a second run of seed_demo adds nothing."""

from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation
from mentoring.demo import school
from mentoring.demo.plan import email_for
from mentoring.mentorships.lifecycle import MentorFull, start_mentorship
from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import (
    Area,
    Department,
    Interest,
    MenteeProfile,
    MentorProfile,
    TrainingStage,
    normalise_term,
)


def totals():
    mentors = MentorProfile.objects.all()
    mentees = MenteeProfile.objects.all()
    return [
        ("Users", User.objects.count(), "users"),
        ("Faculty mentors", mentors.filter(user__mentee_profile__isnull=True).count(), "faculty"),
        ("Students", mentees.exclude(stage=TrainingStage.RESIDENT).count(), "students"),
        ("Residents", mentees.filter(stage=TrainingStage.RESIDENT).count(), "residents"),
        ("Clerkships", Clerkship.objects.count(), "clerkships"),
        ("Rotations", Rotation.objects.count(), "rotations"),
        ("Active mentorships", Mentorship.objects.active().count(), "mentorships"),
    ]


# Planning: pure functions of the demo data, the seed and today's date.


def write_plan(plan):
    created = Counter()
    users = ensure_users(plan.people, created)
    departments = {
        name: Department.objects.get_or_create(name=name)[0] for name in school.DEPARTMENTS
    }
    interests = {i.key: i for i in Interest.objects.for_names(school.INTERESTS)}
    areas = {a.slug: a for a in Area.objects.all()}
    ensure_mentor_profiles(plan.mentors, users, departments, interests, areas, created)
    ensure_mentee_profiles(plan.mentees, users, interests, areas, created)
    clerkships = ensure_clerkships(plan, users, departments, created)
    ensure_rotations(plan.rotations, users, clerkships, created)
    ensure_mentorships(plan.mentorships, users, areas, created)
    return created


def ensure_users(people, created):
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
    # Sign-in requires a verified address whenever DEBUG is off.
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
    created["users"] += len(missing)
    return users


def ensure_mentor_profiles(plans, users, departments, interests, areas, created):
    have = set(
        MentorProfile.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    new = [p for p in plans if users[p.email].pk not in have]
    profiles = MentorProfile.objects.bulk_create(
        MentorProfile(
            user=users[p.email],
            department=departments[p.department],
            capacity_set_at=timezone.now(),
            **p.fields,
        )
        for p in new
    )
    # Per-profile set() is a few hundred small queries, still well under a second.
    for profile, p in zip(profiles, new, strict=True):
        profile.interests.set(interests[normalise_term(name)] for name in p.interests)
        profile.areas.set(areas[slug] for slug in p.areas)
        profile.refresh_search_text()
    created["faculty"] += sum(not p.is_resident for p in new)


def ensure_mentee_profiles(plans, users, interests, areas, created):
    have = set(
        MenteeProfile.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    new = [p for p in plans if users[p.email].pk not in have]
    profiles = MenteeProfile.objects.bulk_create(
        MenteeProfile(user=users[p.email], **p.fields) for p in new
    )
    for profile, p in zip(profiles, new, strict=True):
        profile.interests.set(interests[normalise_term(name)] for name in p.interests)
        profile.areas_sought.set(areas[slug] for slug in p.areas)
    residents = sum(p.fields["stage"] == TrainingStage.RESIDENT for p in new)
    created["students"] += len(new) - residents
    created["residents"] += residents


def ensure_clerkships(plan, users, departments, created):
    clerkships = {}
    for entry in school.CLERKSHIPS:
        clerkship, is_new = Clerkship.objects.get_or_create(
            name=entry["name"], defaults={"department": departments[entry["department"]]}
        )
        coordinator = entry.get("coordinator_email") or email_for(entry["coordinator"])
        clerkship.coordinators.add(users[coordinator])
        clerkships[entry["name"]] = clerkship
        created["clerkships"] += is_new
    have = set(ClerkshipFaculty.objects.values_list("clerkship_id", "faculty_id"))
    ClerkshipFaculty.objects.bulk_create(
        ClerkshipFaculty(clerkship=clerkships[name], faculty=users[email], is_grader=is_grader)
        for name, email, is_grader in plan.clerkship_faculty
        if (clerkships[name].pk, users[email].pk) not in have
    )
    return clerkships


def ensure_rotations(rotations, users, clerkships, created):
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
    created["rotations"] += len(new)


def ensure_mentorships(plans, users, areas, created):
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
        created["mentorships"] += 1
