"""`manage.py seed_demo`: a believable school, safe to run twice, with demo sign-ins that work."""

import datetime
import re
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Case, Count, Max, Min, Q, Value, When
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation
from mentoring.conversations.models import Message
from mentoring.demo import school
from mentoring.demo.plan import build_plan
from mentoring.meetings.models import OfficeHours
from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import Department, Interest, MenteeProfile, MentorProfile
from mentoring.programmes.models import MdStage, Programme

# An MD student's stage by its short key ("final"), as the plan names it.
STAGE_KEY = Case(*(When(stage__name=label, then=Value(key)) for key, label in MdStage.choices))

SEEDED_TABLES = [
    User,
    EmailAddress,
    Department,
    Interest,
    MentorProfile,
    MentorProfile.interests.through,
    MentorProfile.areas.through,
    MenteeProfile,
    MentorProfile.programmes.through,
    Programme,
    MenteeProfile.interests.through,
    MenteeProfile.areas_sought.through,
    Clerkship,
    Clerkship.coordinators.through,
    ClerkshipFaculty,
    Rotation,
    Mentorship,
    Mentorship.focus_areas.through,
    Message,
    OfficeHours,
]


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts():
    return {table._meta.label: table.objects.count() for table in SEEDED_TABLES}


def interest_names(profile):
    return set(profile.interests.values_list("name", flat=True))


def test_seed_builds_a_school_of_believable_size(db):
    output = seed()
    faculty = MentorProfile.objects.filter(user__mentee_profile__isnull=True)
    # The MD programme's students; stages by their short names (tests/factories.STAGE_NAMES).
    mentees = MenteeProfile.objects.filter(programme__name="MD").alias(key=STAGE_KEY)
    assert 35 <= faculty.count() <= 45
    assert set(faculty.values_list("career_stage", flat=True)) == {"junior", "mid", "late"}
    assert faculty.filter(department__name="Pharmacology").count() >= 3
    for profile in faculty.annotate(
        n=Count("interests", distinct=True), a=Count("areas", distinct=True)
    ):
        assert 2 <= profile.n <= 5 and 2 <= profile.a <= 4 and profile.bio and profile.title
    assert 140 <= mentees.exclude(key="resident").count() <= 160
    assert 5 <= mentees.filter(key="resident", user__mentor_profile__isnull=False).count() <= 8
    years = {
        stage: set(mentees.filter(key=stage).values_list("graduation_year", flat=True))
        for stage in ("final", "clerkship", "preclinical")
    }
    assert max(years["final"]) < min(years["clerkship"]) <= max(years["clerkship"])
    assert max(years["clerkship"]) < min(years["preclinical"]) and min(years["final"]) >= 2026
    assert 35 <= Mentorship.objects.active().count() <= 45
    assert "student@med.example.edu" in output and school.DEMO_PASSWORD in output


def test_running_twice_creates_nothing_new(db):
    seed()
    before = row_counts()
    loads = dict(MentorProfile.objects.values_list("user_id", "active_mentee_count"))
    output = seed()
    assert row_counts() == before
    assert dict(MentorProfile.objects.values_list("user_id", "active_mentee_count")) == loads
    counts = [line for line in output.splitlines() if line.endswith(" new")]
    assert len(counts) == 12 and all(line.endswith(", none new") for line in counts)


def test_the_summary_reads_as_sentences(db):
    """One count and its noun per line, singular or plural as the count says, and how many
    of them this run added; then the sign-ins under a sentence that says what they are."""
    lines = seed().splitlines()
    assert re.fullmatch(r"Demo school ready in \d+\.\d s\. It holds:", lines[0])
    assert re.fullmatch(r"  \d+ faculty mentors, all new", lines[2])
    assert "  1 weekly office hours, all new" in lines
    # The default programme (MD) is there before the seed: migration programmes 0002.
    assert "  2 programmes, 1 new" in lines
    assert re.fullmatch(r"  \d+ messages, all new", lines[11])
    assert lines[13] == (
        f"Sign in as any of these people, with the password {school.DEMO_PASSWORD}:"
    )
    assert lines[14:] == [
        "  Student         student@med.example.edu",
        "  Faculty         faculty@med.example.edu",
        "  Coordinator     coordinator@med.example.edu",
        "  MD coordinator  md.coordinator@med.example.edu",
        "  PA coordinator  pa.coordinator@med.example.edu",
        "  Ombudsperson    ombudsperson@med.example.edu",
        "  Staff           staff@med.example.edu",
    ]


def test_plan_is_the_same_every_time():
    now = datetime.datetime(2026, 11, 22, 9, tzinfo=datetime.UTC)
    today = now.date()
    assert build_plan(today, now) == build_plan(today, now)


def test_mentor_loads_match_active_mentorships_and_one_mentor_is_busiest(db):
    seed()
    active = Count(
        "user__mentorships_as_mentor", filter=Q(user__mentorships_as_mentor__status="active")
    )
    mentors = list(MentorProfile.objects.annotate(active=active).order_by("-active_mentee_count"))
    for mentor in mentors:
        assert mentor.active_mentee_count == mentor.active <= mentor.capacity
    busiest, runner_up = mentors[0], mentors[1]
    assert busiest.active_mentee_count >= busiest.capacity - 1
    assert busiest.active_mentee_count >= runner_up.active_mentee_count + 2


def test_mentorships_share_an_interest_and_some_have_gone_quiet(db):
    seed()
    now = timezone.now()
    for mentorship in Mentorship.objects.active().select_related("mentor", "mentee"):
        mentor_interests = interest_names(mentorship.mentor.mentor_profile)
        assert mentor_interests & interest_names(mentorship.mentee.mentee_profile), mentorship
    quiet = Mentorship.objects.quiet_since(now - datetime.timedelta(days=90)).count()
    assert quiet in range(1, 11)
    assert (
        Mentorship.objects.active()
        .filter(last_contact_at__gte=now - datetime.timedelta(days=30))
        .count()
        >= 20
    )


@pytest.mark.parametrize("today", ["2026-07-01", "2026-11-22", "2027-03-15", "2027-06-30"])
def test_every_clerkship_has_students_rotating_today(db, today):
    with time_machine.travel(datetime.datetime.fromisoformat(f"{today}T12:00Z"), tick=False):
        seed()
        today = timezone.localdate()
    for clerkship in Clerkship.objects.all():
        assert clerkship.department.name == clerkship.name
        assert clerkship.coordinators.exists() and clerkship.faculty.filter(is_grader=True).exists()
        assert clerkship.faculty.count() >= 3
        assert clerkship.rotations.overlapping(today, today).count() >= 5
    rotating = MenteeProfile.objects.alias(key=STAGE_KEY).filter(key__in=["clerkship", "final"])
    rotating = rotating.annotate(
        first=Min("user__rotations__starts_on"), last=Max("user__rotations__ends_on")
    )
    assert all((p.last - p.first).days >= 300 for p in rotating)
    now_per_student = (
        Rotation.objects.overlapping(today, today).values("student").annotate(n=Count("id"))
    )
    assert {row["n"] for row in now_per_student} == {1}
    student = User.objects.get(email=school.DEMO_STUDENT_EMAIL)
    assert student.rotations.overlapping(today, today).get().clerkship.name == "Internal Medicine"


def test_demo_student_wants_pharmacology_and_has_no_mentor_yet(db):
    seed()
    student = MenteeProfile.objects.get(user__email=school.DEMO_STUDENT_EMAIL)
    assert student.stage.name == "Clerkship year" and student.programme.name == "MD"
    assert {"pharmacology", "addiction psychiatry"} <= interest_names(student)
    assert not Mentorship.objects.active().filter(mentee=student.user).exists()
    pharmacology_mentors = MentorProfile.objects.with_room().filter(
        interests__name__contains="pharmacology"
    )
    assert pharmacology_mentors.distinct().count() >= 2


def test_demo_faculty_coordinator_and_staff_hold_their_roles(db):
    seed()
    faculty = MentorProfile.objects.get(user__email=school.DEMO_FACULTY_EMAIL)
    assert faculty.department.name == "Psychiatry" and faculty.has_room
    assert {"addiction psychiatry", "clinical pharmacology"} <= interest_names(faculty)
    assert Mentorship.objects.active().filter(mentor=faculty.user).count() in (1, 2)
    coordinator = User.objects.get(email=school.DEMO_COORDINATOR_EMAIL)
    coordinated = Clerkship.objects.coordinated_by(coordinator).values_list("name", flat=True)
    assert list(coordinated) == ["Internal Medicine"]
    staff = User.objects.get(email=school.DEMO_STAFF_EMAIL)
    assert staff.is_staff and staff.is_superuser


def test_demo_faculty_are_verified_from_the_roster_and_two_newcomers_wait_for_staff(db, client):
    seed()
    ways = MentorProfile.objects.values_list("verified_how", flat=True)
    assert set(ways) == {"roster", ""} and list(ways).count("") == 2
    waiting = MentorProfile.objects.filter(verified_at=None).select_related("user")
    names = {p.user.display_name for p in waiting}
    assert names == {"Dr. Lena Marsh", "Dr. Tomas Reyes"}
    assert not waiting.filter(is_listed=True).exists() and all(p.is_complete for p in waiting)
    client.force_login(User.objects.get(email=school.DEMO_STAFF_EMAIL))
    queue = client.get("/verification/").content.decode()
    assert queue.index("Dr. Lena Marsh") < queue.index("Dr. Tomas Reyes")  # oldest first
    client.force_login(User.objects.get(email=school.DEMO_STUDENT_EMAIL))
    assert "Dr. Lena Marsh" not in client.get("/mentors/?q=marsh").content.decode()


def test_every_user_has_a_verified_school_address(db):
    seed()
    addresses = EmailAddress.objects.filter(verified=True, primary=True)
    assert addresses.count() == User.objects.count() > 200
    assert not User.objects.exclude(email__endswith=f"@{school.EMAIL_DOMAIN}").exists()


@pytest.mark.parametrize(("role", "email"), school.DEMO_SIGN_INS)
def test_demo_sign_ins_work_on_the_real_sign_in_page(db, client, role, email):
    seed()
    response = client.post("/accounts/login/", {"login": email, "password": school.DEMO_PASSWORD})
    user = User.objects.get(email=email)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert f"Welcome, {user.display_name}" in client.get("/home/").content.decode()


@pytest.mark.django_db
def test_demo_mentorships_have_meetings_goals_and_true_contact_dates():
    from mentoring.goals.models import Goal
    from mentoring.meetings.models import Meeting

    call_command("seed_demo", stdout=StringIO())
    held = Meeting.objects.filter(status="held")
    assert held.count() > 40
    latest = dict(
        held.values("mentorship").annotate(last=Max("starts_at")).values_list("mentorship", "last")
    )
    for mentorship in Mentorship.objects.active():
        assert mentorship.last_contact_at == latest.get(mentorship.pk)
    assert Goal.objects.filter(shared_with__isnull=False).exists()
    before = (Meeting.objects.count(), Goal.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Meeting.objects.count(), Goal.objects.count()) == before


def test_demo_faculty_has_threads_with_answer_times_and_office_hours(db, client):
    seed()
    faculty = User.objects.get(email=school.DEMO_FACULTY_EMAIL)
    mentorship = Mentorship.objects.active().filter(mentor=faculty).first()
    thread = Message.objects.filter(mentorship=mentorship).order_by("created_at")
    assert thread.count() == 4 and thread.last().answered_at is None
    assert all(m.answered_at for m in list(thread)[:-1])
    assert OfficeHours.objects.filter(mentor=faculty, is_open_to_requests=True).count() == 1
    client.force_login(faculty)
    page = client.get(f"/mentorships/{mentorship.pk}/messages/").content.decode()
    assert "Narrow the population to one clinic" in page


def test_demo_school_has_two_programmes_each_with_its_coordinator(db):
    seed()
    md, pa = Programme.objects.get(name="MD"), Programme.objects.get(name="PA studies")
    assert list(pa.stages.values_list("name", "is_early")) == [
        ("Didactic year", True),
        ("Clinical year", False),
    ]
    assert md.coordinators.get().email == school.MD_COORDINATOR_EMAIL
    assert pa.coordinators.get().email == school.PA_COORDINATOR_EMAIL
    pa_students = MenteeProfile.objects.filter(programme=pa)
    assert pa_students.count() == 12
    assert not pa_students.exclude(stage__programme=pa).exists()
    assert not MenteeProfile.objects.filter(programme=None).exists()
    assert not MenteeProfile.objects.filter(programme=md).exclude(stage__programme=md).exists()
    # Every mentor mentors MD students; some PA students too.
    assert MentorProfile.objects.filter(programmes=md).count() == MentorProfile.objects.count()
    ombudsperson = User.objects.get(email=school.OMBUDSPERSON_EMAIL)
    assert set(ombudsperson.ombudsperson_for.all()) == {md, pa}
    assert 10 <= MentorProfile.objects.filter(programmes=pa).count() <= 20
    assert not Clerkship.objects.exclude(programme=md).exists()
