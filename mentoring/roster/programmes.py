"""What the roster knows of programmes and stages of training: the school's programmes
(mentoring/programmes), looked up by name as typed in the file.

A programme's key (what scopes an entry) is its name, normalised; a student's stage is kept
as its stage's name. A programme is run by its coordinators and by the coordinators of its
clerkships. A file is checked against one Catalogue (two queries), whatever its length.
"""

from dataclasses import dataclass

from django.db.models import Q

from mentoring.lib.csv_files import normalise_name
from mentoring.programmes.models import MdStage, Programme, Stage

# The short values the site stored before programmes ("final"), still understood.
OLD_STAGE_WORDS = {value: normalise_name(label) for value, label in MdStage.choices}


@dataclass(frozen=True)
class Catalogue:
    """The programmes by key (their names) and each one's stages {normalised name: name}."""

    programmes: dict
    stages: dict

    def key(self, name):
        """The programme's key for a name as typed, or None if there is none such."""
        normalised = normalise_name(name)
        return normalised if normalised in self.programmes else None

    def names(self):
        return list(self.programmes.values())

    def name_of(self, key):
        return self.programmes[key]

    def stage_value(self, key, text):
        """The stage's name for this text (its name in any case, or an old short value),
        or None if the programme has no such stage."""
        wanted = normalise_name(text)
        stages = self.stages.get(key, {})
        return stages.get(wanted) or stages.get(OLD_STAGE_WORDS.get(wanted, ""))

    def stage_names(self, key):
        return list(self.stages.get(key, {}).values())


def catalogue():
    programmes = {normalise_name(p.name): p.name for p in Programme.objects.all()}
    stages = {}
    for stage in Stage.objects.select_related("programme").order_by("programme", "position"):
        named = stages.setdefault(normalise_name(stage.programme.name), {})
        named[normalise_name(stage.name)] = stage.name
    return Catalogue(programmes, stages)


def key(name):
    return catalogue().key(name)


def names():
    return catalogue().names()


def stage_value(programme_key, text):
    return catalogue().stage_value(programme_key, text)


def stage_names(programme_key):
    return catalogue().stage_names(programme_key)


def stage_label(programme_key, value):
    return value


def run_by(user):
    """The keys of the programmes whose people this person may load and see (staff: all)."""
    programmes = Programme.objects.all()
    if not user.is_staff:
        mine = Q(coordinators=user) | Q(clerkships__coordinators=user)
        programmes = programmes.filter(mine).distinct()
    return [normalise_name(name) for name in programmes.values_list("name", flat=True)]


def set_stage(mentee_profile, programme_key, value):
    """Put the roster's programme and stage on a student's profile, if they have not chosen
    a stage."""
    if not value or mentee_profile.stage_id is not None:
        return
    try:
        programme = Programme.objects.by_name(programme_key)
        name = catalogue().stage_value(programme_key, value) or value
        stage = programme.stage_named(name)
    except (Programme.DoesNotExist, Stage.DoesNotExist):
        return
    mentee_profile.programme, mentee_profile.stage = programme, stage
    mentee_profile.save(update_fields=["programme", "stage"])
