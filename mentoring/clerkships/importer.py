"""Rotation schedules from a CSV file: read it, check every line, then write the good ones.

read_table() and check() are pure: bytes in, judged lines out, so they are tested without a
database. preview() makes the lookups check() needs in four queries, whatever the length of
the file. A line with a problem is never written: the coordinator fixes the file, or confirms
the import of the good lines, skipping the bad ones. save() writes the confirmed lines all
or none, in one transaction, with a notification to each student and a line per student in
the audit trail, so that nobody is brought into a coordinator's scope without being told and
without a record of it.

A line for an address with no account yet is good: it is kept as a WaitingRotation, which
becomes the student's rotation, with the same notice and record, when they sign up and
confirm that address (waiting.py).
"""

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.dateformat import format as format_date

from mentoring.audit.models import RotationsAdded
from mentoring.clerkships.models import Clerkship, Rotation, WaitingRotation
from mentoring.lib.csv_files import (
    EMAIL_HEADERS,
    ChangedSincePreview,
    Problem,
    normalise_name,
    read_rows,
)
from mentoring.notifications.services import notify_many
from mentoring.profiles.models import COORDINATOR_SCOPE

MAX_ROWS = 20_000

# Each column the file must have, and the header names that mean it once normalised
# (case folded, runs of anything but letters and digits turned into "_").
COLUMNS = {
    "email": EMAIL_HEADERS,
    "clerkship": ("clerkship", "clerkship_name", "course"),
    "start": ("start", "start_date", "starts_on", "begin", "begins_on"),
    "end": ("end", "end_date", "ends_on", "finish"),
}
DATE_HELP = "use YYYY-MM-DD or MM/DD/YYYY"

# Four-digit years only: strptime's %Y would read "01/06/25" as the year 25.
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class ScheduleChanged(ChangedSincePreview):
    """Rows that were fine at preview clash now; nothing was written."""


@dataclass(frozen=True)
class Line:
    """One data line of the file, its cells as written (stripped)."""

    number: int
    email: str
    clerkship: str
    start: str
    end: str


@dataclass(frozen=True)
class Table:
    lines: list
    ignored_columns: list


@dataclass(frozen=True)
class Row:
    """A line that will become a rotation; student_id None: no account yet, it waits for
    the student's sign-up."""

    line: int
    student_id: int | None
    student_name: str
    email: str
    starts_on: datetime.date
    ends_on: datetime.date

    @property
    def is_waiting(self):
        return self.student_id is None


@dataclass(frozen=True)
class Preview:
    rows: list
    problems: list
    ignored_columns: list

    @property
    def student_count(self):
        return len({row.student_id for row in self.rows if not row.is_waiting})

    @property
    def waiting_count(self):
        """Addresses with no account yet: their rotations wait for sign-up."""
        return len({row.email for row in self.rows if row.is_waiting})


def read_table(data):
    """The data lines of a CSV file given as bytes; raises FileRefused for an unusable file."""
    rows, ignored = read_rows(data, COLUMNS, max_rows=MAX_ROWS, what="schedule")
    return Table(
        lines=[Line(number=number, **cell) for number, cell in rows], ignored_columns=ignored
    )


def parse_date(text):
    """A date written YYYY-MM-DD or MM/DD/YYYY, or None."""
    if match := ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := US_DATE.fullmatch(text):
        month, day, year = match.groups()
    else:
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


class Schedule:
    """Each student's rotations in one clerkship: those in the database and those accepted
    from the file so far, so that a clash with either is found the same way. A student is
    their user id, or for one without an account yet, their lower-case e-mail address."""

    def __init__(self, existing):
        self.taken = defaultdict(list)
        for student_id, starts_on, ends_on in existing:
            self.taken[student_id].append((starts_on, ends_on, None))

    def add(self, student_id, starts_on, ends_on, line):
        """Record the rotation and return None, or return why it clashes (recording nothing)."""
        for other_start, other_end, other_line in self.taken[student_id]:
            if starts_on <= other_end and ends_on >= other_start:
                dates = f"{other_start.isoformat()} to {other_end.isoformat()}"
                same = (starts_on, ends_on) == (other_start, other_end)
                if other_line is None:
                    if same:
                        return f"already in the schedule ({dates})"
                    return f"overlaps a rotation already in the schedule ({dates})"
                if same:
                    return f"repeats line {other_line}"
                return f"overlaps line {other_line} ({dates})"
        self.taken[student_id].append((starts_on, ends_on, line))
        return None


def _date_reasons(label, text):
    if not text:
        return None, [f"{label} date is missing"]
    value = parse_date(text)
    if value is None:
        return None, [f"{label} date {text} is not a date: {DATE_HELP}"]
    return value, []


def _address_reasons(email, signup_domains):
    """Why no one could ever sign up with this address, for a line with no account yet."""
    try:
        validate_email(email)
    except ValidationError:
        return [f"{email} is not an e-mail address"]
    if signup_domains and email.rpartition("@")[2] not in signup_domains:
        allowed = ", ".join(f"@{d}" for d in signup_domains)
        return [f"no one has an account with the e-mail {email}, and sign-up is for {allowed}"]
    return []


def check(table, clerkship, students, existing, clerkship_names, signup_domains=()):
    """Judge every line of the table for this clerkship.

    students maps a lower-case e-mail address to (user id, display name); existing lists
    (student, starts_on, ends_on) of the clerkship's rotations for those students, a student
    being a user id, or an address for rotations waiting for sign-up; clerkship_names are
    the names of all clerkships; signup_domains, if any, the domains sign-up accepts.
    """
    schedule = Schedule(existing)
    this_name = normalise_name(clerkship.name)
    known_names = {normalise_name(name) for name in clerkship_names}
    rows, problems = [], []
    for line in table.lines:
        reasons = []
        email = line.email.lower()
        student = students.get(email)
        if not email:
            reasons.append("e-mail is missing")
        elif student is None:
            reasons += _address_reasons(email, signup_domains)
        name = normalise_name(line.clerkship)
        if not name:
            reasons.append("clerkship is missing")
        elif name in known_names and name != this_name:
            reasons.append(f"clerkship {line.clerkship} is not {clerkship.name}")
        elif name != this_name:
            reasons.append(f"no clerkship is named {line.clerkship}")
        starts_on, start_reasons = _date_reasons("start", line.start)
        ends_on, end_reasons = _date_reasons("end", line.end)
        reasons += start_reasons + end_reasons
        if starts_on and ends_on and ends_on < starts_on:
            reasons.append(
                f"ends ({ends_on.isoformat()}) before it starts ({starts_on.isoformat()})"
            )
        student_id, student_name = student or (None, "")
        if not reasons:
            clash = schedule.add(student_id or email, starts_on, ends_on, line.number)
            if clash:
                reasons.append(clash)
        if reasons:
            problems.append(Problem(line=line.number, email=line.email, reasons=reasons))
        else:
            rows.append(Row(line.number, student_id, student_name, email, starts_on, ends_on))
    return Preview(rows=rows, problems=problems, ignored_columns=table.ignored_columns)


def _existing(clerkship, student_ids, waiting_emails=()):
    """(student, starts_on, ends_on) of the clerkship's rotations of these students, and of
    its rotations waiting for these addresses (the student being the address)."""
    rotations = Rotation.objects.filter(clerkship=clerkship, student_id__in=student_ids)
    waiting = WaitingRotation.objects.filter(clerkship=clerkship, email__in=waiting_emails)
    return [
        *rotations.values_list("student_id", "starts_on", "ends_on"),
        *waiting.values_list("email", "starts_on", "ends_on"),
    ]


def _accounts(emails):
    """{lower-case e-mail: (user id, display name)} of the accounts with these addresses."""
    # Lower() matches the index behind the case-insensitive unique constraint on e-mails.
    return {
        email: (pk, name)
        for pk, email, name in get_user_model()
        .objects.alias(email_key=Lower("email"))
        .filter(email_key__in=emails)
        .values_list("pk", Lower("email"), "display_name")
    }


def preview(table, clerkship):
    """Check the table against the database: four queries, however long the file."""
    emails = {line.email.lower() for line in table.lines if line.email}
    students = _accounts(emails)
    existing = _existing(
        clerkship, {pk for pk, _ in students.values()}, emails.difference(students)
    )
    names = Clerkship.objects.values_list("name", flat=True)
    return check(table, clerkship, students, existing, list(names), settings.SIGNUP_EMAIL_DOMAINS)


def pack(rows):
    """The rows in the small form kept in the session between preview and confirmation:
    the address only for a row waiting for sign-up."""
    return [
        [row.line, row.student_id, row.starts_on.isoformat(), row.ends_on.isoformat()]
        + ([row.email] if row.is_waiting else [])
        for row in rows
    ]


def unpack(packed):
    """(line, student id or None, starts_on, ends_on, e-mail or None) of each packed row."""
    return [
        (
            line,
            student_id,
            datetime.date.fromisoformat(start),
            datetime.date.fromisoformat(end),
            email[0] if email else None,
        )
        for line, student_id, start, end, *email in packed
    ]


def notices(clerkship, rows, by):
    """One notification per new rotation, for notify_many: the student learns which
    clerkship, which dates, who added it (`by`, a person or their name), and what its
    coordinators can now see. rows are (line, student id, starts_on, ends_on)."""
    url = reverse("clerkships:my-rotations")
    scope = f"{COORDINATOR_SCOPE.days} days"
    return [
        {
            "recipient_id": student_id,
            "kind": "rotation.added",
            "title": f"{by} added a rotation for you in {clerkship.name}",
            "body": (
                f"{by} added your rotation in {clerkship.name} from "
                f"{format_date(starts_on, 'M j, Y')} to {format_date(ends_on, 'M j, Y')}, "
                "importing the clerkship's schedule.\n"
                f"From {scope} before a rotation starts until {scope} after it ends, the "
                "clerkship's coordinators can see your mentee profile, including your vision "
                "statement, and your mentorships (with whom, since when, when you last met). "
                f"If this rotation is not yours, tell {by} or the programme's staff."
            ),
            "url": url,
            # The rotation's own identity: a repeated import or a retry tells no one twice.
            "dedupe_key": (
                f"rotation.added:{clerkship.pk}:{student_id}:{starts_on.isoformat()}"
                f":{ends_on.isoformat()}"
            ),
        }
        for _, student_id, starts_on, ends_on in rows
    ]


def _with_accounts_now(rows):
    """The rows, where an address that waited at preview has an account now (the student
    signed up in between) as that student's: they were not there when the signal ran."""
    waiting = {email for _, student_id, _, _, email in rows if student_id is None}
    accounts = _accounts(waiting) if waiting else {}
    return [
        (line, student_id or accounts.get(email, (None,))[0], starts_on, ends_on, email)
        for line, student_id, starts_on, ends_on, email in rows
    ]


def save(clerkship, packed, by):
    """Create the packed rows' rotations, all or none, and return how many. `by` is the
    coordinator (or staff member) who confirmed the import: each student is told, and the
    audit trail records who added how many rotations for whom.

    Raises ScheduleChanged, having written nothing, when a row clashes now: another import
    or an edit in the admin since the preview, a student whose account is gone, or a row
    the database refuses. Call it outside any transaction, so that its commit, where the
    foreign keys are checked, happens inside it.
    """
    rows = _with_accounts_now(unpack(packed))
    student_ids = {student_id for _, student_id, _, _, _ in rows if student_id}
    emails = {email for _, student_id, _, _, email in rows if student_id is None}
    try:
        with transaction.atomic():
            # Imports into one clerkship take turns (on PostgreSQL; SQLite ignores the lock
            # and writes one at a time), so that two at once cannot both pass the overlap
            # check. A statement of its own: a statement sees only rows committed before it
            # began, so the read below must start after the lock is granted.
            Clerkship.objects.select_for_update().filter(pk=clerkship.pk).values_list("pk").first()
            schedule = Schedule(_existing(clerkship, student_ids, emails))
            reasons = []
            for line, student_id, starts_on, ends_on, email in rows:
                if clash := schedule.add(student_id or email, starts_on, ends_on, line):
                    reasons.append(f"line {line}: {clash}")
            if reasons:
                raise ScheduleChanged(reasons)
            placed = [row[:4] for row in rows if row[1] is not None]
            Rotation.objects.bulk_create(
                [
                    Rotation(
                        student_id=student_id,
                        clerkship=clerkship,
                        starts_on=starts_on,
                        ends_on=ends_on,
                    )
                    for _, student_id, starts_on, ends_on in placed
                ],
                batch_size=500,
            )
            WaitingRotation.objects.bulk_create(
                [
                    WaitingRotation(
                        email=email,
                        clerkship=clerkship,
                        starts_on=starts_on,
                        ends_on=ends_on,
                        added_by=by,
                        added_by_email=by.email,
                    )
                    for _, student_id, starts_on, ends_on, email in rows
                    if student_id is None
                ],
                batch_size=500,
            )
            # In the same transaction: no rotation without its notice and its record. One
            # statement each however long the file, so a 20,000-row import stays a few queries.
            # Rows waiting for sign-up get theirs when they become rotations (waiting.py).
            notify_many(notices(clerkship, placed, by))
            counts = Counter(student_id for _, student_id, _, _ in placed)
            RotationsAdded.record_import(by, clerkship.name, counts)
    except IntegrityError as error:
        # What the checks above cannot see: a race on the unique constraint, or a student
        # deleted since the preview (the foreign key, checked when this transaction commits).
        raise ScheduleChanged(["a row clashes with a change made since the preview"]) from error
    return len(rows)
