"""What the roster knows of programmes and stages of training: the one place to change when
programmes come (mentoring/programmes: Programme.objects.by_name, programme.stage_named).

Until then the school has one programme, the MD, whose stages are profiles' TrainingStage,
and every clerkship belongs to it: so a clerkship's coordinator runs the MD programme.
"""

from mentoring.clerkships.models import Clerkship
from mentoring.lib.csv_files import normalise_name
from mentoring.profiles.models import TrainingStage

PROGRAMMES = {"md": "MD"}


def key(name):
    """The programme's key (what scopes an entry) for a name as typed, or None if the school
    has no programme of that name."""
    normalised = normalise_name(name)
    return normalised if normalised in PROGRAMMES else None


def names():
    return list(PROGRAMMES.values())


def stage_value(programme_key, text):
    """The stage a student's profile takes for this text (its value or its label, in any
    case), or None if the programme has no such stage."""
    wanted = normalise_name(text)
    for stage in TrainingStage:
        if wanted in (stage.value, normalise_name(stage.label)):
            return stage.value
    return None


def stage_names(programme_key):
    return [stage.label for stage in TrainingStage]


def stage_label(programme_key, value):
    return TrainingStage(value).label if value in TrainingStage.values else value


def run_by(user):
    """The keys of the programmes whose people this person may load and see (staff: all)."""
    if user.is_staff:
        return list(PROGRAMMES)
    return ["md"] if Clerkship.objects.coordinated_by(user).exists() else []


def set_stage(mentee_profile, programme_key, value):
    """Put the roster's stage on a student's profile, if they have not chosen one."""
    if value and not mentee_profile.stage:
        mentee_profile.stage = value
        mentee_profile.save(update_fields=["stage"])
