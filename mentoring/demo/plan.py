"""The demo school as a plan in memory: who exists, who rotates where, who mentors whom.

Built from mentoring/demo/ and one seeded random generator, without reading the
database, so that every run plans exactly the same school (seed_demo writes it).
"""

import datetime
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from mentoring.demo import school
from mentoring.demo.faculty import FACULTY
from mentoring.demo.newcomers import WAITING_FACULTY
from mentoring.demo.residents import RESIDENTS
from mentoring.profiles.models import Mode, normalise_term
from mentoring.programmes.models import MdStage as TrainingStage

SEED = 2026
TARGET_MENTORSHIPS = 42
# Ordinary faculty stop at this many mentees so that the busiest one stands out.
PEER_LOAD = 3
QUIET_MENTORSHIPS = 5
# Six clerkships plus one elective block: with seven tracks, every clerkship has one track
# of students in it on every day of the academic year.
BLOCKS_PER_YEAR = len(school.CLERKSHIPS) + 1
MODE_ORDER = [Mode.IN_PERSON.value, Mode.VIDEO.value, Mode.PHONE.value, Mode.EMAIL.value]


@dataclass
class Person:
    email: str
    display_name: str
    flags: dict = field(default_factory=dict)


@dataclass
class MentorPlan:
    email: str
    department: str
    interests: list
    areas: list
    fields: dict  # MentorProfile columns
    is_resident: bool = False
    # Verified as faculty from the school's roster; False: waiting in the staff's queue.
    is_verified: bool = True


@dataclass
class MenteePlan:
    email: str
    interests: list
    areas: list
    fields: dict  # MenteeProfile columns; the stage a key of MdStage, or a stage's name
    programme: str | None = None  # None: the default programme (MD)


@dataclass
class MentorshipPlan:
    mentor: str
    mentee: str
    focus_areas: list
    last_contact_at: datetime.datetime | None
    expectations: dict  # keyword arguments of start_mentorship


@dataclass
class Plan:
    people: list = field(default_factory=list)
    mentors: list = field(default_factory=list)
    mentees: list = field(default_factory=list)
    clerkship_faculty: list = field(default_factory=list)  # (clerkship, email, is_grader)
    rotations: list = field(default_factory=list)  # (email, clerkship, starts_on, ends_on)
    mentorships: list = field(default_factory=list)


def build_plan(today, now):
    rng = random.Random(SEED)
    year_start = academic_year_start(today)
    plan = Plan()
    add_staff(plan)
    add_faculty(plan, rng)
    add_residents(plan, rng, year_start)
    add_students(plan, rng, year_start)
    plan.clerkship_faculty = plan_clerkship_faculty(plan)
    plan.rotations = plan_rotations(plan, today)
    plan.mentorships = plan_mentorships(plan, rng, today, now)
    # Last, without the generator, so that the school planned above stays the same.
    add_waiting_faculty(plan, now)
    # Imported here: programmes.py builds on this module's helpers.
    from mentoring.demo.programmes import add_programmes

    add_programmes(plan, year_start)
    return plan


def email_for(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join(plain.lower().replace("'", "").split()) + "@" + school.EMAIL_DOMAIN


def academic_year_start(today):
    return datetime.date(today.year if today.month >= 7 else today.year - 1, 7, 1)


def pick_modes(rng, named=None, odds=(0.85, 0.25, 0.6, 0.45)):
    if named is None:
        named = [
            mode for mode, chance in zip(MODE_ORDER, odds, strict=True) if rng.random() < chance
        ]
    named = named or [Mode.IN_PERSON]
    return {f"mode_{mode}": mode in named for mode in MODE_ORDER}


def add_staff(plan):
    staff = school.STAFF
    plan.people.append(
        Person(staff["email"], staff["name"], {"is_staff": True, "is_superuser": True})
    )
    for clerkship in school.CLERKSHIPS:
        name = clerkship["coordinator"]
        plan.people.append(Person(clerkship.get("coordinator_email") or email_for(name), name))


def add_faculty(plan, rng):
    for entry in FACULTY:
        email = entry.get("email") or email_for(entry["name"])
        plan.people.append(Person(email, f"Dr. {entry['name']}"))
        areas = entry.get("areas") or rng.sample(
            school.MENTOR_AREAS_BY_STAGE[entry["stage"]], rng.randint(2, 4)
        )
        fields = {
            "title": entry["title"],
            "specialty": entry["specialty"],
            "career_stage": entry["stage"],
            "can_offer": " ".join(school.AREA_OFFERS[slug] for slug in areas),
            "cannot_offer": rng.choice(school.CANNOT_OFFER),
            "capacity": entry.get("capacity") or rng.randint(1, 6),
            "is_accepting": entry.get("is_accepting", rng.random() < 0.85),
            "response_hours": rng.choice([24, 48, 48, 72]),
            "location": entry.get("location") or school.DEPARTMENTS[entry["department"]],
            "bio": entry["bio"],
            "gender": entry.get("gender", ""),
            "background": entry.get("background", ""),
            **pick_modes(rng, entry.get("modes")),
        }
        plan.mentors.append(
            MentorPlan(email, entry["department"], entry["interests"], areas, fields)
        )


def add_waiting_faculty(plan, now):
    for entry in WAITING_FACULTY:
        email = email_for(entry["name"])
        plan.people.append(Person(email, f"Dr. {entry['name']}"))
        fields = {
            "title": entry["title"],
            "specialty": entry["specialty"],
            "career_stage": entry["stage"],
            "can_offer": " ".join(school.AREA_OFFERS[slug] for slug in entry["areas"]),
            "capacity": 2,
            "location": school.DEPARTMENTS[entry["department"]],
            "bio": entry["bio"],
            "verification_asked_at": now - datetime.timedelta(days=entry["asked_days_ago"]),
            **pick_modes(None, [Mode.IN_PERSON, Mode.VIDEO]),
        }
        plan.mentors.append(
            MentorPlan(
                email,
                entry["department"],
                entry["interests"],
                entry["areas"],
                fields,
                is_verified=False,
            )
        )


def add_residents(plan, rng, year_start):
    for entry in RESIDENTS:
        email = email_for(entry["name"])
        plan.people.append(Person(email, f"Dr. {entry['name']}"))
        modes = pick_modes(rng)
        mentor_fields = {
            "title": f"PGY-{entry['pgy']} Resident, {entry['department']}",
            "specialty": f"{entry['department']} residency",
            "career_stage": "resident",
            "can_offer": " ".join(school.AREA_OFFERS[s] for s in entry["areas_offered"]),
            "cannot_offer": "I'm still in training, so I can't write letters or sponsor you.",
            "capacity": rng.randint(1, 2),
            "response_hours": 48,
            "location": school.DEPARTMENTS[entry["department"]],
            "bio": entry["bio"],
            **modes,
        }
        plan.mentors.append(
            MentorPlan(
                email,
                entry["department"],
                entry["interests"],
                entry["areas_offered"],
                mentor_fields,
                is_resident=True,
            )
        )
        finishes = year_start.year + 1 + entry["program_years"] - entry["pgy"]
        mentee_fields = {
            "stage": TrainingStage.RESIDENT,
            "graduation_year": finishes,
            "vision": entry["vision"],
            **modes,
        }
        plan.mentees.append(
            MenteePlan(email, entry["interests"], entry["areas_sought"], mentee_fields)
        )


def add_students(plan, rng, year_start):
    demo = school.DEMO_STUDENT
    plan.people.append(Person(demo["email"], demo["name"]))
    plan.mentees.append(
        MenteePlan(
            demo["email"],
            demo["interests"],
            demo["areas"],
            {
                "stage": demo["stage"],
                "graduation_year": graduation_year(rng, demo["stage"], year_start),
                "vision": demo["vision"],
                **pick_modes(rng, demo["modes"]),
            },
        )
    )
    stages = [s for s, n in school.STUDENT_COUNTS.items() for _ in range(n)]
    stages.remove(demo["stage"])
    names = student_names(rng, len(stages), taken={p.email for p in plan.people})
    for name, stage in zip(names, stages, strict=True):
        plan.people.append(Person(email_for(name), name))
        plan.mentees.append(student_plan(rng, email_for(name), stage, year_start))


def student_names(rng, count, taken):
    names = []
    while len(names) < count:
        name = f"{rng.choice(school.FIRST_NAMES)} {rng.choice(school.LAST_NAMES)}"
        if email_for(name) not in taken:
            taken.add(email_for(name))
            names.append(name)
    return names


def graduation_year(rng, stage, year_start):
    # Students graduate in May: final-year students at the end of this academic year.
    years_left = {"final": 1, "clerkship": 2, "preclinical": rng.choice([3, 4])}[stage]
    return year_start.year + years_left


def student_plan(rng, email, stage, year_start):
    interests = rng.sample(school.INTERESTS, rng.randint(1, 4))
    areas = rng.sample(school.STUDENT_AREAS_BY_STAGE[stage], rng.randint(1, 3))
    vision = rng.choice(school.VISION_OPENINGS[stage]).format(interest=interests[0])
    if rng.random() < 0.6:
        vision += " " + rng.choice(school.VISION_CLOSINGS)
    fields = {
        "stage": stage,
        "graduation_year": graduation_year(rng, stage, year_start),
        "vision": vision,
        **pick_modes(rng, odds=(0.8, 0.2, 0.5, 0.5)),
    }
    return MenteePlan(email, interests, areas, fields)


def plan_clerkship_faculty(plan):
    """Everyone in the clerkship's department teaches in it; its senior half of faculty grade."""
    seniority = {"late": 0, "mid": 1, "junior": 2}
    rows = []
    for clerkship in school.CLERKSHIPS:
        members = [m for m in plan.mentors if m.department == clerkship["department"]]
        faculty = sorted(
            (m for m in members if not m.is_resident),
            key=lambda m: seniority[m.fields["career_stage"]],
        )
        graders = {m.email for m in faculty[: max(1, len(faculty) // 2)]}
        rows += [(clerkship["name"], m.email, m.email in graders) for m in members]
    return rows


def academic_blocks(today):
    """Seven consecutive blocks of about seven and a half weeks, 1 July to 30 June."""
    start = academic_year_start(today)
    days = (datetime.date(start.year + 1, 7, 1) - start).days
    edges = [start + datetime.timedelta(days=days * i // BLOCKS_PER_YEAR) for i in range(8)]
    return [(edges[i], edges[i + 1] - datetime.timedelta(days=1)) for i in range(7)]


def plan_rotations(plan, today):
    """Each clerkship-year and final-year student follows one of seven staggered tracks.

    Final-year acting internships and electives are filed under the department's clerkship.
    """
    blocks = academic_blocks(today)
    slots = [c["name"] for c in school.CLERKSHIPS] + [None]  # None: elective block
    current = next(i for i, (start, end) in enumerate(blocks) if start <= today <= end)
    tracks = Counter()
    rotations = []
    for mentee in plan.mentees:
        stage = mentee.fields["stage"]
        if stage not in (TrainingStage.CLERKSHIP, TrainingStage.FINAL):
            continue
        if mentee.email == school.DEMO_STUDENT_EMAIL:
            # The demo student must be on Internal Medicine today, whatever today is.
            track = (slots.index("Internal Medicine") - current) % BLOCKS_PER_YEAR
        else:
            track = tracks[stage] % BLOCKS_PER_YEAR
            tracks[stage] += 1
        for i, (start, end) in enumerate(blocks):
            clerkship = slots[(i + track) % BLOCKS_PER_YEAR]
            if clerkship:
                rotations.append((mentee.email, clerkship, start, end))
    return rotations


def shared_interests(mentor, mentee):
    return {normalise_term(i) for i in mentor.interests} & {
        normalise_term(i) for i in mentee.interests
    }


def plan_mentorships(plan, rng, today, now):
    pairs = plan_pairs(plan, rng)
    quiet = set(rng.sample(range(len(pairs)), QUIET_MENTORSHIPS))
    return [
        mentorship_plan(rng, mentor, mentee, today, now, is_quiet=i in quiet)
        for i, (mentor, mentee) in enumerate(pairs)
    ]


def plan_pairs(plan, rng):
    """Who mentors whom: always people who share an interest, never the demo student."""
    by_email = {m.email: m for m in plan.mentors}
    demo_faculty = by_email[school.DEMO_FACULTY_EMAIL]
    busiest = by_email[school.BUSIEST_FACULTY_EMAIL]
    peers = [m for m in plan.mentors if not m.is_resident and m not in (demo_faculty, busiest)]
    residents = [m for m in plan.mentees if m.fields["stage"] == TrainingStage.RESIDENT]
    students = [
        m
        for m in plan.mentees
        if m.fields["stage"] != TrainingStage.RESIDENT and m.email != school.DEMO_STUDENT_EMAIL
    ]
    early = [m for m in students if m.fields["stage"] in ("preclinical", "clerkship")]
    pairs, load, mentored = [], Counter(), set()

    def pair(mentor, mentee):
        pairs.append((mentor, mentee))
        load[mentor.email] += 1
        mentored.add(mentee.email)

    def mentees_for(mentor, pool, count):
        options = [m for m in pool if m.email not in mentored and shared_interests(mentor, m)]
        for mentee in rng.sample(options, min(count, len(options))):
            pair(mentor, mentee)

    def mentor_for(mentee):
        options = [
            m
            for m in peers
            if load[m.email] < min(m.fields["capacity"], PEER_LOAD) and shared_interests(m, mentee)
        ]
        if options:
            pair(rng.choice(options), mentee)

    mentees_for(demo_faculty, students, 2)
    mentees_for(busiest, students, busiest.fields["capacity"])
    # Three residents are mentored and three mentor students; one of them does both.
    for resident in residents[:3]:
        mentor_for(resident)
    for resident in residents[2:5]:
        mentees_for(by_email[resident.email], early, 1)
    for student in rng.sample(students, len(students)):
        if len(pairs) >= TARGET_MENTORSHIPS:
            break
        if student.email not in mentored:
            mentor_for(student)
    return pairs


def mentorship_plan(rng, mentor, mentee, today, now, is_quiet):
    early = mentee.fields["stage"] in ("preclinical", "clerkship")
    if is_quiet:
        started_on = today - datetime.timedelta(days=rng.randint(180, 300))
    else:
        started_on = today - datetime.timedelta(days=rng.randint(5, 240))
    cadence = rng.choice([7, 14, 14]) if early else rng.choice([21, 28, 30])
    focus = [s for s in mentee.areas if s in mentor.areas][:2] or [rng.choice(mentor.areas)]
    return MentorshipPlan(
        mentor=mentor.email,
        mentee=mentee.email,
        focus_areas=focus,
        last_contact_at=last_contact(rng, started_on, cadence, now, is_quiet),
        expectations={
            "started_on": started_on,
            "cadence_days": cadence,
            "meeting_minutes": rng.choice([20, 30, 30]) if early else rng.choice([30, 45, 60]),
            "main_mode": main_mode(mentor, mentee),
            "response_hours": mentor.fields["response_hours"],
        },
    )


def last_contact(rng, started_on, cadence, now, is_quiet):
    """Quiet pairs met early on and then stopped; new pairs may not have met yet."""
    # Draw both numbers every time, so that the time of day cannot shift later choices.
    quiet_after, days_ago = rng.randint(7, 30), rng.randint(1, cadence)
    started_at = datetime.datetime.combine(started_on, datetime.time(16), tzinfo=datetime.UTC)
    if is_quiet:
        return started_at + datetime.timedelta(days=quiet_after)
    if (now - started_at).days < 14:
        return None
    return max(started_at, now - datetime.timedelta(days=days_ago, hours=3))


def main_mode(mentor, mentee):
    for mode in MODE_ORDER:
        if mentor.fields[f"mode_{mode}"] and mentee.fields[f"mode_{mode}"]:
            return mode
    return next(m for m in MODE_ORDER if mentor.fields[f"mode_{m}"])


# Writing: each step reads what exists and adds only the rest.
