"""`manage.py seed_scale`: the requested volume, consistent with the app's own rules."""

import datetime
import json
import random
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship
from mentoring.goals.models import Goal
from mentoring.matching import directory
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship, MentorshipRequest
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.scale import vocabulary
from mentoring.scale.seed import Sizes, build_plan
from tests.factories import make_user

pytestmark = pytest.mark.postgres
SCALE = 0.002  # 20 faculty, 100 students, 60 mentorships, 2,000 meetings, 400 goals


def seed(tmp_path, *options):
    call_command(
        "seed_scale",
        "--scale",
        str(SCALE),
        "--sign-ins",
        str(tmp_path / "scale_users.json"),
        *options,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    return json.loads((tmp_path / "scale_users.json").read_text())


@pytest.fixture
def sign_ins(db, tmp_path):
    return seed(tmp_path)


def test_seeds_the_requested_counts_and_every_row_holds_together(sign_ins):
    sizes = Sizes().scaled(SCALE)
    assert MentorProfile.objects.count() == sizes.faculty
    assert MenteeProfile.objects.count() == sizes.students
    assert Mentorship.objects.count() == sizes.mentorships
    assert Meeting.objects.count() == sizes.meetings
    assert Goal.objects.count() == sizes.goals
    assert not MenteeProfile.objects.filter(user__rotations__isnull=True).exists()
    assert Clerkship.objects.annotate(n=Count("coordinators")).filter(n=1).count() == 10
    assert MentorshipRequest.objects.exclude(status="accepted").count() > 0
    connection.check_constraints()  # the foreign keys, deferred until now


def test_mentor_loads_and_pending_requests_match_the_rows(sign_ins):
    open_ = Count(
        "user__mentorships_as_mentor",
        filter=Q(user__mentorships_as_mentor__status__in=OPEN_STATUSES),
        distinct=True,
    )
    waiting = Count(
        "user__mentorship_requests_as_mentor",
        filter=Q(
            user__mentorship_requests_as_mentor__status="pending",
            user__mentorship_requests_as_mentor__kind="ask",
        ),
        distinct=True,
    )
    for profile in MentorProfile.objects.annotate(open=open_, waiting=waiting):
        assert profile.active_mentee_count == profile.open <= profile.capacity
        assert profile.pending_request_count == profile.waiting
    # Pending asks obey the app's limits, and none is old enough for the expiry sweep.
    pending = MentorshipRequest.objects.pending()
    most = pending.filter(kind="ask").values("mentee").annotate(n=Count("id")).aggregate(Max("n"))
    assert most["n__max"] <= settings.MAX_PENDING_REQUESTS
    expiry = datetime.timedelta(days=settings.REQUEST_EXPIRY_DAYS)
    assert not pending.filter(created_at__lt=timezone.now() - expiry).exists()


def test_search_text_and_account_copies_are_what_the_model_would_build(sign_ins):
    for profile in MentorProfile.objects.select_related("user", "department"):
        seeded = (profile.search_text, profile.display_name, profile.is_listed)
        profile.refresh_search_text()
        assert seeded == (profile.search_text, profile.display_name, profile.is_listed)
        assert (profile.display_name, profile.is_listed) == (
            profile.user.display_name,
            profile.user.is_active,
        )
        assert profile.user.display_name in profile.search_text
        # Verified as faculty from the school's roster (profiles/verification.py).
        assert profile.verified_how == "roster" and profile.verified_at is not None


def test_last_contact_and_next_meeting_follow_the_meetings(sign_ins):
    now = timezone.now()
    facts = Mentorship.objects.annotate(
        last=Max("meetings__starts_at", filter=Q(meetings__status="held")),
        next=Min(
            "meetings__starts_at",
            filter=Q(meetings__status="planned", meetings__starts_at__gte=now),
        ),
    )
    for mentorship in facts:
        assert (mentorship.last_contact_at, mentorship.next_meeting_at) == (
            mentorship.last,
            mentorship.next,
        )
    assert Mentorship.objects.quiet(now).exists()
    # Only planned meetings lie ahead; nothing was written, held or answered in the future.
    assert not Meeting.objects.filter(Q(created_at__gt=now) | Q(held_at__gt=now)).exists()
    assert not Meeting.objects.exclude(status="planned").filter(starts_at__gt=now).exists()
    assert not MentorshipRequest.objects.filter(
        Q(created_at__gt=now) | Q(answered_at__gt=now)
    ).exists()


def test_about_a_third_of_students_have_an_active_mentor(sign_ins):
    students = MenteeProfile.objects.count()
    matched = Mentorship.objects.active().values("mentee").distinct().count()
    assert 0.25 <= matched / students <= 0.45


def test_sign_ins_are_the_promised_people(sign_ins):
    student = User.objects.get(email=sign_ins["student"])
    mentorship = Mentorship.objects.get(pk=sign_ins["mentorship_id"])
    assert mentorship.mentee == student and mentorship.status == "active"
    assert mentorship.meetings.count() >= 10
    faculty = User.objects.get(email=sign_ins["faculty"])
    assert faculty.mentor_profile.pending_request_count >= 3
    coordinator = User.objects.get(email=sign_ins["coordinator"])
    assert coordinator.coordinated_clerkships.filter(pk=sign_ins["clerkship_id"]).exists()
    assert User.objects.get(email=sign_ins["staff"]).is_staff
    assert (
        student.check_password(sign_ins["password"]) and sign_ins["password"] == vocabulary.PASSWORD
    )


def test_directory_shows_seeded_faculty_to_a_student(sign_ins, client):
    client.force_login(User.objects.get(email=sign_ins["student"]))
    response = client.get("/mentors/", secure=True)
    first = directory.search({}).first()
    assert response.status_code == 200
    assert first.user.display_name in response.content.decode()
    # PostgreSQL fills the stored search vector from the search_text the seeder copies in.
    surname = first.user.display_name.split()[-1]
    response = client.get(f"/mentors/?q={surname}", secure=True)
    assert first.user.display_name in response.content.decode()


def test_refuses_a_database_with_users_unless_flushed(db, tmp_path):
    make_user(email="someone@med.example.edu")
    with pytest.raises(CommandError, match="--flush"):
        seed(tmp_path)
    assert User.objects.count() == 1
    seed(tmp_path, "--flush")
    assert not User.objects.filter(email="someone@med.example.edu").exists()
    assert MentorProfile.objects.count() == Sizes().scaled(SCALE).faculty


def test_refuses_sqlite_and_impossible_sizes(db, tmp_path, monkeypatch):
    with pytest.raises(CommandError, match="add faculty"):
        seed(tmp_path, "--faculty", "1", "--students", "100", "--mentorships", "60")
    monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(CommandError, match="PostgreSQL"):
        seed(tmp_path)


def test_the_same_seed_plans_the_same_school(db):
    now = timezone.now()

    def outline():
        plan = build_plan(random.Random(7), Sizes().scaled(SCALE), now)
        return [
            (m.mentor.email, m.mentee.email, m.started_on, m.held_count) for m in plan.mentorships
        ]

    assert outline() == outline()
