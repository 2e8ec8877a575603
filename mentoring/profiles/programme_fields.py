"""A student's programme and stage, and the programmes a mentor mentors in, on the profile
forms and the first-run set-up alike.

With one programme in the school nobody is asked which (profiles/roles.py puts new
profiles in it): the student chooses among its stages. With several, the student chooses a
programme and one of its stages (a stage of another programme is refused, with the reason),
and a mentor ticks the programmes whose students may find them.
"""

from django import forms

from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.programmes.models import Programme, Stage, school_has_several_programmes

STAGE_OF_ANOTHER = (
    "“{stage}” is a stage of {other}, not of {programme}: choose one of {programme}'s stages."
)


def stage_choices(stages, several):
    """Stages as select choices, grouped under their programme's name when there are
    several programmes (an HTML optgroup each)."""
    if not several:
        return [(stage.pk, stage.name) for stage in stages]
    groups = {}
    for stage in stages:
        groups.setdefault(stage.programme.name, []).append((stage.pk, stage.name))
    return list(groups.items())


class StudentProgrammeFields:
    """For a ModelForm over MenteeProfile whose fields include "programme" and "stage"."""

    def set_up_programme_fields(self, blank_stage):
        self.several_programmes = school_has_several_programmes()
        stages = Stage.objects.select_related("programme").order_by(
            "programme__position", "programme__name", "position", "pk"
        )
        stage = self.fields["stage"]
        stage.queryset = stages
        stage.label = "Your stage of training"
        stage.error_messages["invalid_choice"] = "Choose one of the stages listed."
        several = self.several_programmes
        # Listed when the form is drawn: a valid POST that redirects never reads them all.
        stage.choices = lambda: [*blank_stage, *stage_choices(stages, several)]
        if not self.several_programmes:
            del self.fields["programme"]
            return
        field = self.fields["programme"]
        field.queryset = Programme.objects.all()
        field.label = "Your programme"
        field.empty_label = "Not set"
        field.error_messages["invalid_choice"] = "Choose one of the programmes listed."

    def clean_programme_and_stage(self, cleaned):
        """The programme given (the stage's own when only a stage is chosen, or when the
        school has one programme); a stage of another programme is an error on the stage."""
        stage = cleaned.get("stage")
        if not self.several_programmes:
            cleaned["programme"] = stage.programme if stage else self.instance.programme
            return cleaned
        if "programme" not in cleaned:
            return cleaned  # not a listed programme: its error says so
        programme = cleaned["programme"]
        if stage is not None and programme is None:
            cleaned["programme"] = stage.programme
        elif stage is not None and stage.programme_id != programme.pk:
            self.add_error(
                "stage",
                STAGE_OF_ANOTHER.format(stage=stage, other=stage.programme, programme=programme),
            )
        return cleaned


class MentorProgrammesField:
    """For a ModelForm over MentorProfile: the programmes field, when there is a choice."""

    def set_up_programmes_field(self, required=True):
        if not school_has_several_programmes():
            return
        initial = []
        if self.instance.pk:
            initial = list(self.instance.programmes.values_list("pk", flat=True))
        self.fields["programmes"] = IdMultipleChoiceField(
            queryset=Programme.objects.all(),
            label="Programmes you mentor in",
            help_text="Students of these programmes find you in the directory.",
            widget=forms.CheckboxSelectMultiple,
            required=required,
            initial=initial,
            error_messages={"required": "Choose at least one programme whose students you mentor."},
        )
        self.order_fields(getattr(self, "field_order", None) or list(self.fields))

    def save_programmes(self, profile):
        if "programmes" in self.fields:
            profile.programmes.set(self.cleaned_data["programmes"])
