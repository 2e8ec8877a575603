"""Planning the people of the large school: faculty, students, coordinators and staff, their
interests (a Zipf-like vocabulary: a few terms are everyone's, most are a few people's) and
every student's rotations. Pure Python on one seeded generator; nothing reads the database."""

import datetime
import itertools
from dataclasses import dataclass, field

from mentoring.demo import school
from mentoring.demo.plan import academic_year_start, graduation_year, pick_modes
from mentoring.profiles.models import CareerStage, normalise_term
from mentoring.programmes.models import MdStage as TrainingStage
from mentoring.scale import vocabulary as words
from mentoring.scale.draws import Weighted

# Zipf exponent for interest popularity: the top term is about 25 times the 100th, and
# about one student in five names it.
ZIPF = 0.7
CAREER_STAGES = Weighted(
    {
        CareerStage.RESIDENT: 8,
        CareerStage.JUNIOR: 32,
        CareerStage.MID: 34,
        CareerStage.LATE: 26,
    }
)
TRAINING_STAGES = Weighted(
    {
        TrainingStage.PRECLINICAL: 42,
        TrainingStage.CLERKSHIP: 26,
        TrainingStage.FINAL: 24,
        TrainingStage.RESIDENT: 8,
    }
)
DEPARTMENTS = Weighted({d: words.DEPARTMENT_WEIGHTS.get(d, 2) for d in words.DEPARTMENT_INTERESTS})
ACCEPTING_SHARE = 0.85
BLOCKS_PER_YEAR = len(words.CLERKSHIPS)


@dataclass(slots=True)
class Faculty:
    user_id: int
    email: str
    name: str
    department: str
    interests: list  # Interest keys
    areas: list  # Area slugs
    fields: dict  # MentorProfile columns
    appeal: float  # how often students pick this person, all else equal
    joined_on: datetime.date
    is_active: bool = True
    open_mentees: int = 0  # becomes active_mentee_count: active and paused mentorships
    pending_asks: int = 0  # becomes pending_request_count

    @property
    def room(self):
        return self.fields["capacity"] - self.open_mentees


@dataclass(slots=True)
class Student:
    user_id: int
    email: str
    name: str
    stage: str
    interests: list
    areas: list
    fields: dict  # MenteeProfile columns
    joined_on: datetime.date


@dataclass(slots=True)
class Staffer:
    user_id: int
    email: str
    name: str
    is_staff: bool = False
    is_superuser: bool = False
    clerkship: str = ""  # the clerkship a coordinator runs


@dataclass
class People:
    vocabulary: dict  # Interest key -> name as written
    faculty: list = field(default_factory=list)
    students: list = field(default_factory=list)
    staff: list = field(default_factory=list)  # coordinators and staff
    clerkship_faculty: list = field(default_factory=list)  # (clerkship, user id, is_grader)
    rotations: list = field(default_factory=list)  # (user id, clerkship, starts_on, ends_on)


class Popularity:
    """Draw interest keys with Zipf-like weights, a few distinct at a time."""

    def __init__(self, rng, keys):
        self.rng, self.keys = rng, list(keys)
        self.cum_weights = list(
            itertools.accumulate(1 / (rank + 1) ** ZIPF for rank in range(len(self.keys)))
        )

    def sample(self, count):
        chosen = []
        while len(chosen) < min(count, len(self.keys)):
            key = self.rng.choices(self.keys, cum_weights=self.cum_weights)[0]
            if key not in chosen:
                chosen.append(key)
        return chosen


def vocabulary():
    """Every interest once, keyed as the app keys them (normalise_term), first spelling kept."""
    names = [*itertools.chain.from_iterable(words.DEPARTMENT_INTERESTS.values())]
    terms = {}
    for name in [*names, *words.CROSS_CUTTING]:
        terms.setdefault(normalise_term(name), name)
    return terms


def popularity_order(rng):
    """Every interest key, most popular first: a seeded draw in which the terms that cross
    departments, and those of the large departments, tend to come first."""
    weight = {}
    for department, names in words.DEPARTMENT_INTERESTS.items():
        for name in names:
            weight[normalise_term(name)] = words.DEPARTMENT_WEIGHTS.get(department, 2) / 4
    for name in words.CROSS_CUTTING:
        weight[normalise_term(name)] = 3
    return sorted(weight, key=lambda key: rng.random() ** (1 / weight[key]), reverse=True)


def plan_people(rng, sizes, ids, today):
    """ids: a callable giving the next user id."""
    people = People(vocabulary=vocabulary())
    popular = Popularity(rng, popularity_order(rng))
    by_department = {
        name: Popularity(rng, [normalise_term(i) for i in interests])
        for name, interests in words.DEPARTMENT_INTERESTS.items()
    }
    year_start = academic_year_start(today)
    people.faculty = [
        plan_faculty(rng, n, ids(), popular, by_department, today) for n in range(sizes.faculty)
    ]
    people.students = [
        plan_student(rng, n, ids(), popular, people.vocabulary, year_start, today)
        for n in range(sizes.students)
    ]
    people.staff = plan_staff(rng, ids)
    people.clerkship_faculty = plan_clerkship_faculty(rng, people.faculty)
    people.rotations = plan_rotations(rng, people.students, year_start)
    return people


def person_name(rng):
    return f"{rng.choice(school.FIRST_NAMES)} {rng.choice(school.LAST_NAMES)}"


def self_described(rng, share):
    """The optional, private identity answers: most people leave them blank."""
    gender = rng.choice(words.SELF_DESCRIBED_GENDERS) if rng.random() < share else ""
    background = rng.choice(words.SELF_DESCRIBED_BACKGROUNDS) if rng.random() < share else ""
    return gender, background


def plan_faculty(rng, n, user_id, popular, by_department, today):
    department = DEPARTMENTS.draw(rng)
    stage = CAREER_STAGES.draw(rng)
    count = rng.randint(3, 8)
    own = by_department[department].sample(rng.randint(1, min(count, 4)))
    interests = own + [k for k in popular.sample(count) if k not in own][: count - len(own)]
    specialty = rng.choice(words.DEPARTMENT_INTERESTS[department][:4])
    is_resident = stage == CareerStage.RESIDENT
    area_pool = words.RESIDENT_AREAS if is_resident else school.MENTOR_AREAS_BY_STAGE[stage]
    areas = rng.sample(area_pool, rng.randint(2, 4))
    location = words.LOCATIONS[department]
    gender, background = self_described(rng, 0.3)
    bio = rng.choice(words.BIO_OPENINGS).format(
        specialty=specialty, location=location, interest=interests[-1]
    )
    fields = {
        "title": words.TITLES[stage].format(department=department, pgy=f"PGY-{rng.randint(1, 5)}"),
        "specialty": specialty[0].upper() + specialty[1:],
        "career_stage": stage,
        "can_offer": " ".join(school.AREA_OFFERS[slug] for slug in areas),
        "cannot_offer": rng.choice(school.CANNOT_OFFER),
        "capacity": rng.randint(1, 2) if is_resident else rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6]),
        "is_accepting": rng.random() < ACCEPTING_SHARE,
        "response_hours": 48 if is_resident else rng.choice([24, 48, 48, 72]),
        "location": location,
        "bio": f"{bio} {words.BIO_CLOSINGS[stage]}",
        "gender": gender,
        "background": background,
        **pick_modes(rng),
    }
    return Faculty(
        user_id=user_id,
        email=f"faculty{n + 1:05d}@{words.EMAIL_DOMAIN}",
        name=f"Dr. {person_name(rng)}",
        department=department,
        interests=interests,
        areas=areas,
        fields=fields,
        # Lognormal: most faculty are asked now and then, a few all the time.
        appeal=rng.lognormvariate(0, 1),
        joined_on=today - datetime.timedelta(days=rng.randint(300, 2500)),
        # A few have left the school: deactivated, out of the directory.
        is_active=rng.random() >= 0.01,
    )


def plan_student(rng, n, user_id, popular, terms, year_start, today):
    stage = TRAINING_STAGES.draw(rng)
    interests = popular.sample(rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5]))
    first = terms[interests[0]]
    if stage == TrainingStage.RESIDENT:
        areas = rng.sample(words.RESIDENT_AREAS_SOUGHT, rng.randint(1, 3))
        vision = rng.choice(words.RESIDENT_VISIONS).format(interest=first)
        graduates = year_start.year + rng.randint(1, 4)  # the end of residency
        joined_on = today - datetime.timedelta(days=rng.randint(120, 1100))
    else:
        areas = rng.sample(school.STUDENT_AREAS_BY_STAGE[stage], rng.randint(1, 3))
        vision = rng.choice(school.VISION_OPENINGS[stage]).format(interest=first)
        if rng.random() < 0.6:
            vision += " " + rng.choice(school.VISION_CLOSINGS)
        graduates = graduation_year(rng, stage, year_start)
        # Accounts open in the first weeks of medical school, four years before graduating.
        joined_on = datetime.date(graduates - 4, 7, 1) + datetime.timedelta(rng.randint(0, 40))
    gender, background = self_described(rng, 0.25)
    fields = {
        "stage": stage,
        "graduation_year": graduates,
        "vision": vision,
        "gender": gender,
        "background": background,
        "prefers_shared_gender": bool(gender) and rng.random() < 0.2,
        "prefers_shared_background": bool(background) and rng.random() < 0.2,
        **pick_modes(rng, odds=(0.8, 0.2, 0.5, 0.5)),
    }
    return Student(
        user_id=user_id,
        email=f"student{n + 1:05d}@{words.EMAIL_DOMAIN}",
        name=person_name(rng),
        stage=stage,
        interests=interests,
        areas=areas,
        fields=fields,
        joined_on=min(joined_on, today),
    )


def plan_staff(rng, ids):
    coordinators = [
        Staffer(
            ids(), f"coordinator{n + 1:02d}@{words.EMAIL_DOMAIN}", person_name(rng), clerkship=c
        )
        for n, c in enumerate(words.CLERKSHIPS)
    ]
    # Two staff; the first may also do everything in the admin.
    staff = [
        Staffer(ids(), f"staff{n + 1:02d}@{words.EMAIL_DOMAIN}", person_name(rng), True, n == 0)
        for n in range(2)
    ]
    return coordinators + staff


def plan_clerkship_faculty(rng, faculty):
    """Most faculty of a clerkship's department teach in it; seniors usually also grade."""
    rows = []
    for person in faculty:
        if person.department in words.CLERKSHIPS and rng.random() < 0.7:
            senior = person.fields["career_stage"] in (CareerStage.MID, CareerStage.LATE)
            rows.append((person.department, person.user_id, senior and rng.random() < 0.7))
    return rows


def academic_blocks(year_start):
    """Ten consecutive blocks of about five weeks, 1 July to 30 June."""
    days = (datetime.date(year_start.year + 1, 7, 1) - year_start).days
    edges = [
        year_start + datetime.timedelta(days=days * i // BLOCKS_PER_YEAR)
        for i in range(BLOCKS_PER_YEAR + 1)
    ]
    return [(edges[i], edges[i + 1] - datetime.timedelta(days=1)) for i in range(BLOCKS_PER_YEAR)]


def plan_rotations(rng, students, year_start):
    """Clerkship-year students follow one of ten staggered tracks through all ten
    clerkships; final-year students did that last year and now take four electives;
    residents rotate twice; preclinical students spend two weeks in early exposure."""
    this_year = academic_blocks(year_start)
    last_year = academic_blocks(datetime.date(year_start.year - 1, 7, 1))
    tracks = itertools.count()
    rotations = []
    for student in students:
        uid = student.user_id
        if student.stage in (TrainingStage.CLERKSHIP, TrainingStage.FINAL):
            track = next(tracks)
            blocks = this_year if student.stage == TrainingStage.CLERKSHIP else last_year
            rotations += [
                (uid, words.CLERKSHIPS[(i + track) % BLOCKS_PER_YEAR], start, end)
                for i, (start, end) in enumerate(blocks)
            ]
        if student.stage in (TrainingStage.FINAL, TrainingStage.RESIDENT):
            count = 4 if student.stage == TrainingStage.FINAL else 2
            for start, end in sorted(rng.sample(this_year, count)):
                rotations.append((uid, rng.choice(words.CLERKSHIPS), start, end))
        if student.stage == TrainingStage.PRECLINICAL:
            start, _ = rng.choice(this_year)
            clerkship = rng.choice(words.EARLY_EXPOSURE)
            rotations.append((uid, clerkship, start, start + datetime.timedelta(days=13)))
    return rotations
