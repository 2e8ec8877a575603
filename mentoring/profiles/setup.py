"""The first-run set-up: a few short questions per role, each one skippable.

A new person is asked instead of assumed about: nothing here has a default that would
be presented as their choice later. Each step is one small form on one profile (or on
the account, for the time zone); skipping a step leaves its answers unset.
"""

import zoneinfo
from dataclasses import dataclass

from django import forms
from django.utils import timezone

from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.lib.text import SINGLE_LINE_ERRORS, reject_control_characters
from mentoring.profiles.forms import MentorProfileForm, ProfileForm
from mentoring.profiles.models import (
    ContactDetails,
    Interest,
    MenteeProfile,
    MentorProfile,
    Mode,
)
from mentoring.profiles.programme_fields import MentorProgrammesField, StudentProgrammeFields


class StepForm(forms.ModelForm):
    """A step that writes a few columns of one profile: only those (`saved_fields`), so
    that counters another app keeps on the row (active mentees) are never written back."""

    saved_fields = ()

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.save(update_fields=[*self.saved_fields, "updated_at"])
        self.save_m2m()
        return profile


class StageForm(StudentProgrammeFields, StepForm):
    saved_fields = ("programme", "stage", "graduation_year")

    class Meta:
        model = MenteeProfile
        fields = ["programme", "stage", "graduation_year"]
        widgets = {"stage": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_up_programme_fields(blank_stage=[])
        self.fields["stage"].error_messages["invalid_choice"] = (
            "Choose one of the stages listed, or skip."
        )

    def clean(self):
        return self.clean_programme_and_stage(super().clean())


class InterestsForm(forms.Form):
    """Interests typed as text with suggestions (static/js/suggest.js), as on the profile."""

    interests_text = ProfileForm.base_fields["interests_text"]
    MAX_INTERESTS = ProfileForm.MAX_INTERESTS
    clean_interests_text = ProfileForm.clean_interests_text

    def __init__(self, *args, instance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.fields["interests_text"].initial = ", ".join(i.name for i in instance.interests.all())

    def save(self):
        names = self.cleaned_data["interests_text"]
        self.instance.interests.set(Interest.objects.for_names(names))
        return self.instance


class SoughtAreasForm(StepForm):
    class Meta:
        model = MenteeProfile
        fields = ["areas_sought"]
        widgets = {"areas_sought": forms.CheckboxSelectMultiple}
        labels = {"areas_sought": "Areas you want help with"}
        field_classes = {"areas_sought": IdMultipleChoiceField}


class VisionForm(StepForm):
    saved_fields = ("vision",)

    class Meta:
        model = MenteeProfile
        fields = ["vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}
        labels = {"vision": "Your vision for the future"}
        help_texts = {
            "vision": "Where you hope to be in five or ten years. Mentors you contact see this."
        }


class CareerForm(MentorProgrammesField, StepForm):
    saved_fields = ("career_stage", "department", "specialty")

    class Meta:
        model = MentorProfile
        fields = ["career_stage", "department", "specialty"]
        widgets = {"career_stage": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Skippable, as every step: the profile page asks again.
        self.set_up_programmes_field(required=False)

    def save(self, commit=True):
        profile = super().save(commit)
        self.save_programmes(profile)
        return profile


class OfferForm(StepForm):
    saved_fields = ("can_offer", "cannot_offer")

    class Meta:
        model = MentorProfile
        fields = ["areas", "can_offer", "cannot_offer"]
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "can_offer": forms.Textarea(attrs={"rows": 3}),
            "cannot_offer": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"areas": "Areas you offer"}
        field_classes = {"areas": IdMultipleChoiceField}
        help_texts = {
            "cannot_offer": "Saying what you can't offer helps students ask the right person."
        }


class CapacityForm(StepForm):
    saved_fields = ("capacity", "response_hours", "capacity_set_at")
    clean_capacity = MentorProfileForm.clean_capacity

    class Meta:
        model = MentorProfile
        fields = ["capacity", "response_hours"]
        widgets = {"capacity": forms.NumberInput(attrs={"inputmode": "numeric"})}
        help_texts = {
            "capacity": "The most mentees you can take at once; students see the places left.",
            "response_hours": "How quickly you commit to answer a request or a message.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.capacity_set_at is None:
            # The model's default is not the mentor's answer: ask, with nothing filled in.
            self.initial["capacity"] = None
        self.fields["capacity"].error_messages["required"] = (
            "Say how many mentees you can take (0 for none now), or skip this step."
        )

    def save(self, commit=True):
        self.instance.capacity_set_at = timezone.now()
        return super().save(commit)


# Every zone the account's time_zone accepts (accounts.models.time_zone_choices), by a
# forgiving key, so that "america/new york" typed by hand is America/New_York.
def zone_key(name):
    return name.strip().replace(" ", "_").casefold()


def known_zone(name):
    """The time zone this name means, or None."""
    return ZONES.get(zone_key(name or ""))


ZONES = {zone_key(name): name for name in zoneinfo.available_timezones()}


class MeetingForm(forms.Form):
    """How and when the person likes to meet, and their time zone, read from the browser
    (static/js/time_zone.js fills browser_time_zone) or typed; without either it stays."""

    modes = forms.MultipleChoiceField(
        label="Ways you like to meet",
        choices=Mode.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    best_hours = forms.CharField(
        label="When suits you best",
        max_length=120,
        required=False,
        validators=[reject_control_characters],
        error_messages=SINGLE_LINE_ERRORS,
        help_text="For example: weekdays 8-9 am; not on call days. Only your mentors or "
        "mentees in active mentorships see this.",
    )
    browser_time_zone = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    time_zone = forms.CharField(
        label="Another time zone",
        max_length=64,
        required=False,
        help_text="Only if the one above is wrong, e.g. Europe/London or America/Chicago.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, user, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.profiles = user, profiles
        if not profiles:
            del self.fields["modes"]  # no profile to keep them on (a coordinator)
        else:
            self.fields["modes"].initial = [
                m for m in Mode.values if any(getattr(p, f"mode_{m}") for p in profiles)
            ]
        self.details = ContactDetails.objects.of(user.pk) or ContactDetails(user=user)
        self.fields["best_hours"].initial = self.details.best_hours

    def clean_time_zone(self):
        typed = self.cleaned_data["time_zone"]
        if typed.strip() and known_zone(typed) is None:
            raise forms.ValidationError(
                f"“{typed[:64]}” is not a time zone we know. Write it as Region/City, "
                "e.g. Europe/London, or leave this empty."
            )
        return known_zone(typed) or ""

    def clean_browser_time_zone(self):
        # Sent by a script, not typed: a name we do not know is ignored, not an error.
        return known_zone(self.cleaned_data["browser_time_zone"]) or ""

    def chosen_time_zone(self):
        return self.cleaned_data["time_zone"] or self.cleaned_data["browser_time_zone"]

    def save(self):
        modes = self.cleaned_data.get("modes")
        for profile in self.profiles:
            for mode in Mode.values:
                setattr(profile, f"mode_{mode}", mode in modes)
            profile.save(update_fields=[*(f"mode_{m}" for m in Mode.values), "updated_at"])
        hours = self.cleaned_data["best_hours"].strip()
        if hours != self.details.best_hours and (hours or self.details.pk):
            self.details.best_hours = hours
            self.details.save()
        zone = self.chosen_time_zone()
        if zone and zone != self.user.time_zone:
            self.user.time_zone = zone
            self.user.save(update_fields=["time_zone"])


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str
    role: str  # "mentee", "mentor", or "" for everyone
    form_class: type


MENTEE, MENTOR = "mentee", "mentor"

STEPS = [
    Step(
        "stage",
        "Your stage of training",
        "Mentoring early in training is concrete and hands-on; later it is a sounding "
        "board. Your stage helps us suggest mentors who fit.",
        MENTEE,
        StageForm,
    ),
    Step(
        "interests",
        "Your interests",
        "Shared interests count most in your recommendations.",
        MENTEE,
        InterestsForm,
    ),
    Step(
        "areas",
        "What you want help with",
        "Pick the areas you would like a mentor for. Several mentors, each for one area, "
        "is normal.",
        MENTEE,
        SoughtAreasForm,
    ),
    Step(
        "vision",
        "Your vision for the future",
        "A sentence or two is enough; it opens the conversation with a mentor.",
        MENTEE,
        VisionForm,
    ),
    Step(
        "career",
        "Your career stage",
        "Each stage offers students something different.",
        MENTOR,
        CareerForm,
    ),
    Step(
        "mentor-interests",
        "Your interests",
        "Students find mentors by shared interests.",
        MENTOR,
        InterestsForm,
    ),
    Step(
        "offer",
        "What you offer, and what you don't",
        "Mentoring one area well in the time you have is enough.",
        MENTOR,
        OfferForm,
    ),
    Step(
        "capacity",
        "How many mentees you can take",
        "Students see the places you have left; you can change this any time.",
        MENTOR,
        CapacityForm,
    ),
    Step(
        "meeting",
        "How and when you like to meet",
        "In person, by phone or video, or by e-mail: say what suits you.",
        "",
        MeetingForm,
    ),
]


def steps_for(user):
    """The steps for this person's roles, in order (one query per role held)."""
    roles = {
        MENTEE: MenteeProfile.objects.filter(user=user).first(),
        MENTOR: MentorProfile.objects.filter(user=user).first(),
    }
    steps = [step for step in STEPS if not step.role or roles[step.role] is not None]
    return steps, roles


def form_for(step, user, roles, data=None):
    if step.form_class is MeetingForm:
        profiles = [p for p in roles.values() if p is not None]
        return MeetingForm(data, user=user, profiles=profiles)
    return step.form_class(data, instance=roles[step.role], user=user)
