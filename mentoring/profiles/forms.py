from django import forms
from django.utils import timezone

from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.lib.text import SINGLE_LINE_ERRORS, reject_control_characters
from mentoring.profiles.models import (
    MAX_CAPACITY,
    ContactDetails,
    Gender,
    Interest,
    MenteeProfile,
    MentorProfile,
    Mode,
    gender_from_words,
    normalise_term,
)
from mentoring.profiles.programme_fields import MentorProgrammesField, StudentProgrammeFields
from mentoring.profiles.roles import Role, add_roles


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: a name to show and the roles to start with."""

    display_name = forms.CharField(
        label="Your name as others will see it",
        max_length=120,
        # A plain form, so the model field's validators don't run: name it here too.
        validators=[reject_control_characters],
        error_messages=SINGLE_LINE_ERRORS,
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": "e.g. Maya Patel"}),
    )
    roles = forms.MultipleChoiceField(
        label="I am here because",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or both. You can add the other later.",
        error_messages={
            "required": "Choose at least one: looking for mentors, mentoring, or both."
        },
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])
        add_roles(user, self.cleaned_data["roles"])


class ProfileForm(forms.ModelForm):
    """What mentor and mentee profiles share: interests typed as text, ways of meeting, and
    the optional gender question (a short list, or the person's own words)."""

    interests_text = forms.CharField(
        label="Interests",
        max_length=1000,
        required=False,
        help_text="Separate with commas, e.g. addiction psychiatry, pharmacology, research. "
        "Suggestions appear as you type; new terms are welcome.",
        widget=forms.TextInput(attrs={"data-suggest": "interests", "autocomplete": "off"}),
    )
    modes = forms.MultipleChoiceField(
        choices=Mode.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    gender = forms.ChoiceField(
        label="Gender (optional)",
        choices=[("", "No answer"), *Gender.choices],
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose one of the answers listed for gender, or “No answer”."
        },
    )
    gender_self_described = forms.CharField(
        label="Gender in your own words",
        max_length=60,
        required=False,
        help_text="Only with “Prefer to self-describe”.",
    )
    MAX_INTERESTS = 15
    modes_label = "Ways of meeting"
    identity_use = ""  # what happens to the answer, said on the form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modes"].label = self.modes_label
        self.fields["gender"].help_text = f"Optional. {self.identity_use}"
        if self.instance.pk:
            self.fields["interests_text"].initial = ", ".join(
                i.name for i in self.instance.interests.all()
            )
            self.fields["modes"].initial = [
                m for m in Mode.values if getattr(self.instance, f"mode_{m}")
            ]

    def also_saved(self, profile):
        """Fields besides the form's that a subclass sets on the profile as it saves."""
        return []

    def clean_interests_text(self):
        names = [
            n
            for n in (part.strip() for part in self.cleaned_data["interests_text"].split(","))
            if n
        ]
        # The stored key is case-folded ("ß" becomes "ss"), so it can outgrow the name.
        too_long = [n for n in names if max(len(n), len(normalise_term(n))) > 80]
        if too_long:
            raise forms.ValidationError(
                f"Each interest can be at most 80 characters; “{too_long[0][:40]}…” is longer."
            )
        if len({normalise_term(n) for n in names}) > self.MAX_INTERESTS:
            raise forms.ValidationError(f"Choose at most {self.MAX_INTERESTS} interests.")
        return names

    def clean(self):
        cleaned = super().clean()
        if "gender" not in cleaned or "gender_self_described" not in cleaned:
            return cleaned  # not a listed answer, or words too long: their errors say so
        gender, words = cleaned["gender"], cleaned["gender_self_described"].strip()
        if words and gender in ("", Gender.SELF_DESCRIBED):
            # "Female" in one's own words is counted with "Woman", not apart from it.
            listed = gender_from_words(words)
            cleaned["gender"], cleaned["gender_self_described"] = (
                (listed, "") if listed else (Gender.SELF_DESCRIBED, words)
            )
        elif words:
            self.add_error(
                "gender_self_described",
                "Your own words are kept only with “Prefer to self-describe”: "
                "choose it, or clear this box.",
            )
        elif gender == Gender.SELF_DESCRIBED:
            self.add_error(
                "gender_self_described",
                "Write how you describe your gender, or choose another answer.",
            )
        return cleaned

    def save(self, commit=True):
        profile = super().save(commit=False)
        for mode in Mode.values:
            setattr(profile, f"mode_{mode}", mode in self.cleaned_data["modes"])
        # Only this form's columns: counters such as active_mentee_count may have moved
        # since the form was loaded, and writing them back would undo a concurrent accept.
        own = [f.name for f in profile._meta.concrete_fields if f.name in self.cleaned_data]
        modes = [f"mode_{m}" for m in Mode.values]
        profile.save(update_fields=[*own, *modes, *self.also_saved(profile), "updated_at"])
        self.save_m2m()
        profile.interests.set(Interest.objects.for_names(self.cleaned_data["interests_text"]))
        return profile


# What happens to the optional identity answers, said as it is (DESIGN.md, who sees what):
# only dashboards of faculty load count them, and only in groups of five or more people.
MENTOR_IDENTITY_USE = (
    "No one else sees your answer. It ranks recommendations for students who ask for a "
    "mentor who shares it, and coordinators' dashboards count it only in groups of five "
    "or more people."
)
MENTEE_IDENTITY_USE = (
    "No one else sees your answer. It is used only to rank your own recommendations, when "
    "you ask for a mentor who shares it; no dashboard counts it."
)


class MentorProfileForm(MentorProgrammesField, ProfileForm):
    modes_label = "Ways you can meet"
    identity_use = MENTOR_IDENTITY_USE

    class Meta:
        model = MentorProfile
        fields = [
            "title",
            "department",
            "specialty",
            "career_stage",
            "areas",
            "can_offer",
            "cannot_offer",
            "capacity",
            "is_accepting",
            "response_hours",
            "location",
            "bio",
            "gender",
            "gender_self_described",
            "background",
        ]
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "can_offer": forms.Textarea(attrs={"rows": 3}),
            "cannot_offer": forms.Textarea(attrs={"rows": 3}),
            "bio": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"areas": "Areas you offer"}
        field_classes = {"areas": IdMultipleChoiceField}
        help_texts = {
            "capacity": "The most mentees you can take at once; students see the places left.",
            "response_hours": "How quickly you commit to answer a request or a message.",
            "cannot_offer": "Saying what you can't offer helps students ask the right person.",
            "background": f"Optional, in your own words. {MENTOR_IDENTITY_USE}",
        }

    field_order = [
        "title",
        "department",
        "specialty",
        "career_stage",
        "programmes",
        "interests_text",
        "areas",
        "can_offer",
        "cannot_offer",
        "modes",
        "capacity",
        "is_accepting",
        "response_hours",
        "location",
        "bio",
        "gender",
        "gender_self_described",
        "background",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_up_programmes_field()
        if self.instance.capacity_set_at is None:
            # The model's default is not the mentor's answer: ask, with nothing filled in.
            self.initial["capacity"] = None

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        active = self.instance.active_mentee_count
        if capacity < active:
            raise forms.ValidationError(
                f"You have {active} active mentee{'s' if active != 1 else ''}, so capacity "
                f"can't be lower than {active}. Close or pause a mentorship first."
            )
        return capacity

    def also_saved(self, profile):
        fields = []
        if profile.capacity_set_at is None:
            # The form asks for capacity and it is required: saving it is the mentor's answer.
            profile.capacity_set_at = timezone.now()
            fields.append("capacity_set_at")
        if AVAILABILITY_FIELDS & set(self.changed_data):
            # Saying how many one can take, or that one takes none, answers a check-in.
            fields += profile.mark_availability_confirmed(timezone.now())
        return fields

    def save(self, commit=True):
        profile = super().save(commit)
        self.save_programmes(profile)
        profile.refresh_search_text()
        return profile


# Changing either answers "do you still take mentees?" (mentorships/availability.py).
AVAILABILITY_FIELDS = {"is_accepting", "capacity"}


class AvailabilityForm(forms.Form):
    """The check-in's answer in one click: still accepting with this many places free
    (editable, filled in with today's), or pause new requests."""

    ACCEPTING, PAUSE = "accepting", "pause"

    answer = forms.ChoiceField(
        choices=[(ACCEPTING, "Still accepting"), (PAUSE, "Pause new requests")],
        error_messages={
            "required": "Choose: still accepting, or pause new requests.",
            "invalid_choice": "Choose: still accepting, or pause new requests.",
        },
    )
    places = forms.IntegerField(required=False)

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        active = profile.active_mentee_count
        most = max(MAX_CAPACITY - active, 0)
        besides = f"Besides your {active} active mentee{'s' if active != 1 else ''}. "
        self.fields["places"] = forms.IntegerField(
            label="Places free for new mentees",
            min_value=0,
            max_value=most,
            required=False,
            initial=profile.room_left,
            help_text=f"{besides if active else ''}At most {most}.",
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == self.PAUSE:
            # Pausing needs no number: a bad one must not stand in its way.
            self.errors.pop("places", None)
            cleaned.pop("places", None)
        elif (
            cleaned.get("answer") == self.ACCEPTING
            and cleaned.get("places") is None
            and "places" not in self.errors
        ):
            self.add_error("places", "Say how many new mentees you can take (0 or more).")
        return cleaned


class ContactDetailsForm(forms.ModelForm):
    class Meta:
        model = ContactDetails
        fields = ["email", "phone", "video_url", "best_hours"]
        labels = {"email": "Preferred e-mail", "phone": "Phone or pager"}
        help_texts = {
            "email": "If it is not the address you sign in with.",
            "phone": "For example +1 617 555 0100, or 4-1234 x204.",
            "best_hours": "For example: weekdays 8-9 am; not on call days.",
        }
        error_messages = dict.fromkeys(["email", "phone", "best_hours"], SINGLE_LINE_ERRORS)
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    # Declared for assume_scheme: "zoom.us/j/1" is taken as https://zoom.us/j/1. The model's
    # validators (https only, no control characters) still run on the result.
    video_url = forms.URLField(
        label="Video-meeting link",
        max_length=300,
        required=False,
        assume_scheme="https",
        help_text="Your standing Zoom, Teams or Meet link, starting with https://.",
        error_messages=SINGLE_LINE_ERRORS,
    )


class MenteeProfileForm(StudentProgrammeFields, ProfileForm):
    modes_label = "Ways you prefer to meet"
    identity_use = MENTEE_IDENTITY_USE

    class Meta:
        model = MenteeProfile
        fields = [
            "programme",
            "stage",
            "graduation_year",
            "areas_sought",
            "vision",
            "gender",
            "gender_self_described",
            "background",
            "prefers_shared_gender",
            "prefers_shared_background",
        ]
        widgets = {
            "areas_sought": forms.CheckboxSelectMultiple,
            "vision": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"areas_sought": "Areas you want help with"}
        field_classes = {"areas_sought": IdMultipleChoiceField}
        help_texts = {
            "vision": "Where you hope to be in five or ten years. Mentors you contact see this.",
            "background": f"Optional, in your own words. {MENTEE_IDENTITY_USE}",
            "prefers_shared_gender": "Used only to rank your own recommendations.",
            "prefers_shared_background": "Used only to rank your own recommendations.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Unset stays unset: no stage is chosen for the person, and none is shown as theirs.
        self.set_up_programme_fields(blank_stage=[("", "Not set")])

    def clean(self):
        return self.clean_programme_and_stage(super().clean())

    field_order = [
        "programme",
        "stage",
        "graduation_year",
        "interests_text",
        "areas_sought",
        "vision",
        "modes",
        "gender",
        "gender_self_described",
        "prefers_shared_gender",
        "background",
        "prefers_shared_background",
    ]
