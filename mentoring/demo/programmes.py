"""The demo school's two programmes: MD (everyone the rest of the demo plans) and PA
studies, with a few students of its own, a coordinator each, and a third of the faculty
mentoring in both. Planned after the MD school so that its plan is unchanged."""

import random

from mentoring.demo import school
from mentoring.demo.plan import MenteePlan, Person, email_for, pick_modes, student_names
from mentoring.programmes.models import MdStage, Programme

PA = {
    "name": "PA studies",
    # (name, is_early): the didactic year is classroom learning, the clinical year rotations.
    "stages": [("Didactic year", True), ("Clinical year", False)],
    "students": 12,
}
COORDINATORS = [
    # (programme, name, e-mail): the MD one is the default programme (DEFAULT_PROGRAMME_NAME).
    (None, "Harold Brennan", school.MD_COORDINATOR_EMAIL),
    (PA["name"], "Renee Walsh", school.PA_COORDINATOR_EMAIL),
]
OMBUDSPERSON = ("Dr. Lena Fischer", school.OMBUDSPERSON_EMAIL)  # for both programmes
# The MD stages whose areas and visions a PA stage borrows.
LIKE_MD = {"Didactic year": MdStage.PRECLINICAL, "Clinical year": MdStage.FINAL}
PA_MENTORS_EVERY = 3  # every third faculty member also mentors PA students


def add_programmes(plan, year_start):
    """PA students (MenteePlan.programme names their programme), both coordinators and
    the ombudsperson."""
    rng = random.Random(f"{school.EMAIL_DOMAIN}:programmes")
    for _, name, email in COORDINATORS:
        plan.people.append(Person(email, name))
    plan.people.append(Person(OMBUDSPERSON[1], OMBUDSPERSON[0]))
    names = student_names(rng, PA["students"], taken={p.email for p in plan.people})
    for n, name in enumerate(names):
        stage, _ = PA["stages"][n % len(PA["stages"])]
        like = LIKE_MD[stage]
        interests = rng.sample(school.INTERESTS, rng.randint(1, 3))
        plan.people.append(Person(email_for(name), name))
        fields = {
            "stage": stage,
            "graduation_year": year_start.year + (2 if stage == "Didactic year" else 1),
            "vision": rng.choice(school.VISION_OPENINGS[like]).format(interest=interests[0]),
            **pick_modes(rng, odds=(0.8, 0.2, 0.5, 0.5)),
        }
        areas = rng.sample(school.STUDENT_AREAS_BY_STAGE[like], rng.randint(1, 2))
        plan.mentees.append(MenteePlan(email_for(name), interests, areas, fields, PA["name"]))


def ensure_programmes(users):
    """The MD (default) and PA programmes with their stages, coordinators and ombudsperson:
    {name or None for the default: Programme}."""
    md = Programme.objects.default()
    pa, created = Programme.objects.get_or_create(name=PA["name"], defaults={"position": 1})
    if created:
        pa.add_stages(PA["stages"])
    programmes = {None: md, PA["name"]: pa}
    for programme, _, email in COORDINATORS:
        programmes[programme].coordinators.add(users[email])
    for programme in programmes.values():
        programme.ombudspeople.add(users[OMBUDSPERSON[1]])
    return programmes


def stages_of(programmes):
    """{(programme key, planned stage): Stage}: MD's by their MdStage key, PA's by name."""
    stages = {}
    for key, programme in programmes.items():
        labels = {label: value for value, label in MdStage.choices} if key is None else {}
        for stage in programme.stages.all():
            stages[key, labels.get(stage.name, stage.name)] = stage
    return stages


def mentors_in(programmes, plans, profiles):
    """Every mentor mentors in MD; every PA_MENTORS_EVERY-th faculty member in PA too."""
    for n, (plan, profile) in enumerate(zip(plans, profiles, strict=True)):
        chosen = [programmes[None]]
        if not plan.is_resident and n % PA_MENTORS_EVERY == 0:
            chosen.append(programmes[PA["name"]])
        profile.programmes.add(*chosen)
