"""The roster from a CSV file: read it, check every line, then write the good ones.

The file reading is shared with the rotation import (mentoring/lib/csv_files.py). check() is
pure, so it is tested without a database; preview() makes its lookups in a few queries
whatever the length of the file. Nothing is written until the person confirms, and then all
or none (save()).

What a line does to what is there already:
- an address with no entry becomes a new entry;
- an address with an entry of a programme this person runs, not yet joined, updates that
  entry (the preview says what changes);
- an address that has an account, or whose entry has joined, is a problem: that person is
  here already and their profile is theirs; an entry of a programme this person does not
  run is a problem too, so no coordinator changes another programme's people.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from mentoring.lib.csv_files import (
    EMAIL_HEADERS,
    ChangedSincePreview,
    Problem,
    normalise_name,
    read_rows,
)
from mentoring.lib.text import reject_control_characters
from mentoring.profiles.models import Department
from mentoring.roster import programmes
from mentoring.roster.models import RosterEntry
from mentoring.roster.programmes import Catalogue

MAX_ROWS = 20_000
Role = RosterEntry.Role

COLUMNS = {
    "email": EMAIL_HEADERS,
    "name": ("name", "full_name", "display_name", "person"),
    "role": ("role", "person_type", "type"),
    "programme": ("programme", "program", "programme_name", "program_name"),
    "stage": ("stage", "stage_of_training", "training_stage", "year"),
    "department": ("department", "dept", "department_name"),
    # One column for both, read by the row's role.
    "stage_or_department": ("stage_or_department", "stage_of_training_or_department"),
}
OPTIONAL = ("stage", "department", "stage_or_department")
ROLE_WORDS = {
    "student": Role.STUDENT,
    "students": Role.STUDENT,
    "mentee": Role.STUDENT,
    "learner": Role.STUDENT,
    "faculty": Role.FACULTY,
    "mentor": Role.FACULTY,
}
# What the entry's own fields are called in the preview's list of changes.
FIELD_WORDS = {"name": "name", "role": "role", "programme": "programme", "stage": "stage",
               "department": "department"}  # fmt: skip
SAVED_FIELDS = ["name", "role", "programme", "programme_key", "stage", "department"]


class RosterChanged(ChangedSincePreview):
    """Lines that were fine at preview are not now; nothing was written."""


@dataclass(frozen=True)
class Row:
    """A line that will create an entry, or update entry `updates` (its pk)."""

    line: int
    email: str
    name: str
    role: str
    programme: str
    programme_key: str
    stage: str
    department: str
    updates: int | None = None
    changes: tuple = ()

    @property
    def stage_label(self):
        return programmes.stage_label(self.programme_key, self.stage) if self.stage else ""


@dataclass(frozen=True)
class Preview:
    rows: list
    problems: list
    ignored_columns: list

    @property
    def new_count(self):
        return sum(1 for row in self.rows if row.updates is None)

    @property
    def update_count(self):
        return len(self.rows) - self.new_count


@dataclass(frozen=True)
class Known:
    """What check() compares the lines with. accounts: lower-case addresses with an account;
    entries: {address: (pk, programme_key, joined, {field: value})}; departments: {normalised
    name: name}; scope: the programme keys this person may load; signup_domains: the
    domains sign-up accepts (all if empty)."""

    accounts: set
    entries: dict
    departments: dict
    scope: list
    signup_domains: tuple = ()
    catalogue: Catalogue | None = None  # the school's programmes and their stages


def read_table(data):
    """[(line number, {column: cell})] and the ignored column names; FileRefused if unusable."""
    return read_rows(data, COLUMNS, OPTIONAL, max_rows=MAX_ROWS, what="roster")


def _email_reasons(email, known):
    if not email:
        return ["e-mail is missing"]
    try:
        validate_email(email)
    except ValidationError:
        return [f"{email} is not an e-mail address"]
    if known.signup_domains and email.rpartition("@")[2] not in known.signup_domains:
        allowed = ", ".join(f"@{d}" for d in known.signup_domains)
        return [f"{email} could never sign up: sign-up is for {allowed}"]
    if email in known.accounts:
        return [f"{email} has an account already: their profile is theirs to change"]
    entry = known.entries.get(email)
    if entry and entry[2]:
        return [f"{email} has joined already"]
    if entry and entry[1] not in known.scope:
        return [f"{email} is on the roster of another programme, which you do not run"]
    return []


def _name_reasons(name):
    if not name:
        return ["name is missing"]
    if len(name) > 120:
        return ["name is longer than 120 characters"]
    try:
        reject_control_characters(name)
    except ValidationError:
        return ["name has line breaks or other control characters"]
    return []


def _programme(text, known):
    """(key, reasons) for the programme cell."""
    if not text:
        return None, ["programme is missing"]
    key = known.catalogue.key(text)
    if key is None:
        known_names = ", ".join(known.catalogue.names())
        return None, [f"no programme is named {text} (known: {known_names})"]
    if key not in known.scope:
        return None, [f"programme {text} is not one you run"]
    return key, []


def _stage_or_department(role, key, cells, known):
    """(stage, department, reasons) for the row's role."""
    if role == Role.STUDENT:
        text = cells["stage"] or cells["stage_or_department"]
        if not text or key is None:
            return "", "", []
        value = known.catalogue.stage_value(key, text)
        if value is None:
            stages = ", ".join(known.catalogue.stage_names(key))
            return "", "", [f"stage {text} is not a stage of training here (use one of: {stages})"]
        return value, "", []
    text = cells["department"] or cells["stage_or_department"]
    if not text or role is None:
        return "", "", []
    department = known.departments.get(normalise_name(text))
    if department is None:
        return "", "", [f"no department is named {text}"]
    return "", department, []


def _changes(existing, row_fields):
    return tuple(
        f"{FIELD_WORDS[field]}: {existing[field] or '(none)'} → {value or '(none)'}"
        for field, value in row_fields.items()
        if field in FIELD_WORDS and existing.get(field, "") != value
    )


def check(table, known):
    """Judge every line: Preview of the rows to write and the problems, line by line."""
    lines, ignored = table
    rows, problems, seen = [], [], {}
    for number, cells in lines:
        email = cells["email"].lower()
        reasons = _email_reasons(email, known)
        if email and email in seen:
            reasons.append(f"repeats the address of line {seen[email]}")
        seen.setdefault(email, number)
        name = " ".join(cells["name"].split())
        reasons += _name_reasons(name)
        role = ROLE_WORDS.get(normalise_name(cells["role"]))
        if not cells["role"]:
            reasons.append("role is missing (student or faculty)")
        elif role is None:
            reasons.append(f"role {cells['role']} is neither student nor faculty")
        key, programme_reasons = _programme(cells["programme"], known)
        stage, department, more = _stage_or_department(role, key, cells, known)
        reasons += programme_reasons + more
        if reasons:
            problems.append(Problem(line=number, email=cells["email"], reasons=reasons))
            continue
        fields = {
            "name": name,
            "role": role.value,
            "programme": known.catalogue.name_of(key),
            "stage": stage,
            "department": department,
        }
        existing = known.entries.get(email)
        rows.append(
            Row(
                number,
                email,
                programme_key=key,
                updates=existing[0] if existing else None,
                changes=_changes(existing[3], fields) if existing else (),
                **fields,
            )
        )
    return Preview(rows=rows, problems=problems, ignored_columns=ignored)


def _accounts(emails):
    # Lower() matches the index behind the case-insensitive unique constraint on e-mails.
    return set(
        get_user_model()
        .objects.alias(email_key=Lower("email"))
        .filter(email_key__in=emails)
        .values_list(Lower("email"), flat=True)
    )


def _entries(emails):
    return {
        entry["email"]: (
            entry["pk"],
            entry["programme_key"],
            entry["joined_at"] is not None,
            entry,
        )
        for entry in RosterEntry.objects.filter(email__in=emails).values(
            "pk", "email", "programme_key", "joined_at", *SAVED_FIELDS
        )
    }


def preview(table, user):
    """Check the table against the database: six queries, however long the file."""
    emails = {cells["email"].lower() for _, cells in table[0] if cells["email"]}
    known = Known(
        accounts=_accounts(emails),
        entries=_entries(emails),
        departments={
            normalise_name(name): name for name in Department.objects.values_list("name", flat=True)
        },
        scope=programmes.run_by(user),
        catalogue=programmes.catalogue(),
        signup_domains=tuple(settings.SIGNUP_EMAIL_DOMAINS),
    )
    return check(table, known)


def pack(rows):
    """The rows in the small form kept in the session between preview and confirmation."""
    return [
        [
            row.line,
            row.email,
            row.name,
            row.role,
            row.programme,
            row.programme_key,
            row.stage,
            row.department,
            row.updates,
        ]  # fmt: skip
        for row in rows
    ]


def save(packed, by):
    """Write the packed rows, all or none, and return (created, updated). Raises
    RosterChanged, having written nothing, when a row no longer holds: the address signed
    up since the preview, its entry joined or was added by someone else, or the database
    refuses a row. Call it outside any transaction."""
    emails = [row[1] for row in packed]
    try:
        with transaction.atomic():
            # Locked, so that a sign-up applying an entry waits for this write, or it for it.
            entries = {
                entry.email: entry
                for entry in RosterEntry.objects.select_for_update().filter(email__in=emails)
            }
            reasons = [f"{email} has an account now" for email in sorted(_accounts(emails))]
            new, changed = [], []
            now = timezone.now()
            for line, email, name, role, programme, key, stage, department, updates in packed:
                entry = entries.get(email)
                if (entry.pk if entry else None) != updates or (entry and entry.joined_at):
                    reasons.append(f"line {line}: {email} changed on the roster")
                    continue
                entry = entry or RosterEntry(email=email)
                entry.name, entry.role, entry.stage, entry.department = (
                    name,
                    role,
                    stage,
                    department,
                )
                entry.programme, entry.programme_key = programme, key
                entry.uploaded_by, entry.uploaded_at = by, now
                (changed if entry.pk else new).append(entry)
            if reasons:
                raise RosterChanged(reasons)
            RosterEntry.objects.bulk_create(new, batch_size=500)
            RosterEntry.objects.bulk_update(
                changed, [*SAVED_FIELDS, "uploaded_by", "uploaded_at"], batch_size=500
            )
    except IntegrityError as error:
        # Another upload created one of these addresses since the preview.
        raise RosterChanged(["a row clashes with a change made since the preview"]) from error
    return len(new), len(changed)
