"""The drill's side of the database, through Django (bench.data.setup_django first): the
people who sign in, and afterwards what the database holds of what they did."""

from collections import Counter

DRILL_DOMAIN = "drill.example.edu"
PASSWORD = "drill-soak-password-2026"  # noqa: S105 - a throwaway database's sign-ins


def cast(users):
    """How many of `users` are coordinators, mentors and students."""
    coordinators = 1 if users >= 5 else 0
    mentors = max(1, round((users - coordinators) * 0.3))
    return coordinators, mentors, users - coordinators - mentors


def make_people(users):
    """Drill mentors and students with verified addresses, plus the demo coordinator (whose
    password seed_demo sets). Returns the people and what they need to know."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import User
    from drills.users import Person, School
    from mentoring.clerkships.models import Clerkship
    from mentoring.demo import school
    from mentoring.profiles.listing import VerifiedHow, is_listable
    from mentoring.profiles.models import MenteeProfile, MentorProfile

    coordinators, mentors, students = cast(users)
    password = make_password(PASSWORD)  # hashed once: it is deliberately slow
    rows = [
        (f"drill-mentor-{n:02d}@{DRILL_DOMAIN}", f"Dr. Drill Mentor {n}", "mentor")
        for n in range(1, mentors + 1)
    ] + [
        (f"drill-student-{n:02d}@{DRILL_DOMAIN}", f"Drill Student {n}", "student")
        for n in range(1, students + 1)
    ]
    made = User.objects.bulk_create(
        User(email=email, display_name=name, password=password) for email, name, _ in rows
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in made
    )
    roles = {email: role for email, _, role in rows}
    now = timezone.now()
    MentorProfile.objects.bulk_create(
        # bulk_create skips the profile's pre_save: copy the account's name here, and list
        # them as the school's verified faculty are (students may ask only listed mentors).
        MentorProfile(
            user=user,
            display_name=user.display_name,
            capacity=20,
            is_accepting=True,
            bio="Glad to help.",
            is_complete=True,
            verified_at=now,
            verified_how=VerifiedHow.ROSTER,
            is_listed=is_listable(is_active=True, is_complete=True, verified_at=now),
        )
        for user in made
        if roles[user.email] == "mentor"
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(user=user) for user in made if roles[user.email] == "student"
    )
    people = [Person(email, PASSWORD, role, "") for email, _, role in rows]
    clerkships = []
    if coordinators:
        email = school.DEMO_COORDINATOR_EMAIL
        people.insert(0, Person(email, school.DEMO_PASSWORD, "coordinator", ""))
        clerkships = list(
            Clerkship.objects.filter(coordinators__email=email).values_list("pk", flat=True)
        )
    for n, person in enumerate(people):
        # 127.0.0.0/8 is all loopback: one address per person, as from their own machine.
        person.address = f"127.0.{10 + n // 250}.{1 + n % 250}"
    profiles = dict(
        MentorProfile.objects.filter(user__email__endswith=f"@{DRILL_DOMAIN}").values_list(
            "user__email", "pk"
        )
    )
    return people, School(mentor_profiles=profiles, clerkships=clerkships)


def unsettled_notifications():
    """Rows whose e-mail is still to be sent (or being sent)."""
    from mentoring.notifications.models import Notification

    Status = Notification.EmailStatus
    return Notification.objects.filter(email_status__in=[Status.PENDING, Status.SENDING]).count()


def expected_emails():
    """Every notification row that should be e-mailed (not skipped or held for the digest),
    as a Counter of (recipient address, notification id); and the rows by status."""
    from mentoring.notifications.models import Notification

    Status = Notification.EmailStatus
    rows = Notification.objects.values_list("recipient__email", "pk", "email_status")
    expected = Counter(
        (email.lower(), str(pk))
        for email, pk, status in rows
        if status not in (Status.SKIPPED, Status.DIGEST)
    )
    return expected, Counter(status for _, _, status in rows)


def missing_writes(writes):
    """The acknowledged writes whose request row or notification is not in the database."""
    from mentoring.mentorships.models import MentorshipRequest
    from mentoring.notifications.models import Notification

    requests = {
        r.pk: r
        for r in MentorshipRequest.objects.filter(
            pk__in={w.request_id for w in writes}
        ).select_related("mentor", "mentee")
    }
    notified = set(
        Notification.objects.filter(kind__in={w.notification_kind for w in writes}).values_list(
            "kind", "url", "recipient__email"
        )
    )
    missing = []
    for write in writes:
        if write.action == "log":
            missing += missing_meeting(write)
            continue
        if write.action == "reassess":
            missing += missing_reassessment(write)
            continue
        row = requests.get(write.request_id)
        if row is None or row.mentor.email != write.mentor:
            missing.append(f"{write.action} {write.request_id}: no such request")
            continue
        if write.action == "ask" and (row.mentee.email, row.message) != (
            write.mentee,
            write.message,
        ):
            missing.append(f"ask {write.request_id}: not the request that was made")
            continue
        if write.action == "decline" and row.status != MentorshipRequest.Status.DECLINED:
            missing.append(f"decline {write.request_id}: the request is {row.status}")
            continue
        if write.action == "accept" and not accepted(row, write.mentorship_id):
            missing.append(f"accept {write.request_id}: no mentorship {write.mentorship_id}")
            continue
        recipient = row.mentor.email if write.action == "ask" else row.mentee.email
        link = f"/mentorships/{write.mentorship_id}/" if write.action == "accept" else None
        key = (write.notification_kind, link or f"/requests/{row.pk}/", recipient)
        if key not in notified:
            missing.append(f"{write.action} {write.request_id}: no {write.notification_kind}")
    return missing


def accepted(request_row, mentorship_id):
    from mentoring.mentorships.models import Mentorship, MentorshipRequest

    return (
        request_row.status == MentorshipRequest.Status.ACCEPTED
        and Mentorship.objects.filter(
            pk=mentorship_id, mentor=request_row.mentor, mentee=request_row.mentee
        ).exists()
    )


def missing_meeting(write):
    """A logged meeting: its row (found by its note) and the partner's notification."""
    from mentoring.meetings.models import Meeting
    from mentoring.notifications.models import Notification

    meeting = (
        Meeting.objects.filter(
            mentorship_id=write.mentorship_id,
            created_by__email=write.mentor,
            shared_notes=write.message,
        )
        .select_related("mentorship__mentee")
        .first()
    )
    if meeting is None:
        return [f"log in mentorship {write.mentorship_id}: no meeting"]
    told = Notification.objects.filter(
        kind=write.notification_kind,
        url=f"/meetings/{meeting.pk}/",
        recipient=meeting.mentorship.mentee,
    )
    return [] if told.exists() else [f"log of meeting {meeting.pk}: no {write.notification_kind}"]


def make_quiet_pairs(pairs):
    """`pairs` mentorships that went quiet two months ago, between people made for them:
    work for a reminder sweep long enough to kill a worker in the middle of. Returns how
    many quiet-contact reminders a sweep now owes (two per quiet mentorship, the demo
    school's included)."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import User
    from mentoring.mentorships.models import Mentorship

    made = User.objects.bulk_create(
        User(email=f"drill-quiet-{role}-{n:05d}@{DRILL_DOMAIN}", display_name=f"Quiet {role} {n}")
        for n in range(pairs)
        for role in ("mentor", "mentee")
    )
    started = timezone.localdate() - timedelta(days=60)
    Mentorship.objects.bulk_create(
        Mentorship(
            mentor=mentor,
            mentee=mentee,
            started_on=started,
            reassess_on=started + timedelta(days=365),
            cadence_days=14,
        )
        for mentor, mentee in zip(made[::2], made[1::2], strict=True)
    )
    return 2 * Mentorship.objects.quiet(timezone.now()).count()


def quiet_reminders():
    from mentoring.notifications.models import Notification

    return Notification.objects.filter(kind="reminder.quiet").count()


def last_quiet_reminder_at():
    """When the last quiet-contact reminder was written (a Unix time), or None."""
    from django.db.models import Max

    from mentoring.notifications.models import Notification

    last = Notification.objects.filter(kind="reminder.quiet").aggregate(Max("created_at"))
    return last["created_at__max"].timestamp() if last["created_at__max"] else None


PARTNER_DOMAIN = "partners.drill.example.edu"  # not DRILL_DOMAIN: never in the drill's directory


def make_due_reassessments(people, each=2):
    """`each` mentorships for every drill mentor and student, with partners who do not sign
    in, whose periodic reassessment came due yesterday; then the product's own sweep prompts
    both sides of every due mentorship (the demo school's too) and writes their notices,
    e-mailed like any other. Met last week: not quiet (the reminder sweep's figures stay
    its own) and, a periodic prompt open, asked no first-meeting fit check. Returns how many
    open prompts the drill's people have."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import User
    from mentoring.feedback import reassessment
    from mentoring.feedback.models import Reassessment
    from mentoring.mentorships.models import Mentorship
    from mentoring.profiles.models import MenteeProfile, MentorProfile

    emails = [person.email for person in people if person.role != "coordinator"]
    drill_users = {user.email: user for user in User.objects.filter(email__in=emails)}
    acting = [(drill_users[p.email], p.role) for p in people if p.email in drill_users]
    # A drill mentor's partners are mentees, a drill student's are mentors.
    partners = User.objects.bulk_create(
        User(
            email=f"drill-partner-{n:03d}-{k}@{PARTNER_DOMAIN}",
            display_name=f"Drill Partner {n}-{k}",
        )
        for n in range(len(acting))
        for k in range(each)
    )
    partner_role = [role for _, role in acting for _ in range(each)]
    MentorProfile.objects.bulk_create(
        MentorProfile(user=user, display_name=user.display_name, capacity=5)
        for user, role in zip(partners, partner_role, strict=True)
        if role == "student"
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(user=user)
        for user, role in zip(partners, partner_role, strict=True)
        if role == "mentor"
    )
    now = timezone.now()
    today = timezone.localdate(now)
    pairs = [
        (user, partner) if role == "mentor" else (partner, user)
        for (user, role), mine in zip(
            acting, (partners[n : n + each] for n in range(0, len(partners), each)), strict=True
        )
        for partner in mine
    ]
    Mentorship.objects.bulk_create(
        Mentorship(
            mentor=mentor,
            mentee=mentee,
            started_on=today - timedelta(days=120),
            reassess_on=today - timedelta(days=1),
            cadence_days=14,
            last_contact_at=now - timedelta(days=7),
        )
        for mentor, mentee in pairs
    )
    reassessment.send_periodic_prompts(now)
    return Reassessment.objects.open().filter(respondent__in=drill_users.values()).count()


def missing_reassessment(write):
    """An answered prompt: completed with the words posted, and its notice no longer unread."""
    from django.urls import reverse

    from mentoring.feedback.models import Reassessment
    from mentoring.notifications.models import Notification

    prompt = Reassessment.objects.filter(
        pk=write.reassessment_id,
        respondent__email=write.mentor,
        completed_at__isnull=False,
        going_well=write.message,
    ).first()
    if prompt is None:
        return [f"reassessment {write.reassessment_id}: not answered as posted"]
    notice = Notification.objects.filter(
        recipient=prompt.respondent_id,
        kind=write.notification_kind,
        url=reverse("feedback:open-reassessment", args=[prompt.mentorship_id, prompt.kind]),
    )
    if not notice.exists():
        return [f"reassessment {prompt.pk}: no {write.notification_kind}"]
    if notice.filter(read_at=None).exists():
        return [f"reassessment {prompt.pk}: its {write.notification_kind} still unread"]
    return []
