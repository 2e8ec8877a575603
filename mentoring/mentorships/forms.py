import datetime

from django import forms
from django.utils import timezone

from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.mentorships.asking import DEFAULT_DECLINE_MESSAGE
from mentoring.mentorships.models import (
    CADENCE_CHOICES,
    ExpectationChange,
    Expectations,
    Mentorship,
)
from mentoring.profiles.models import Area, Mode

ASK_OUTLINE = "Who I am: ...\nWhat I hope for: ..."


def area_field(label, help_text=""):
    return IdMultipleChoiceField(
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        help_text=help_text,
    )


class AskForm(forms.Form):
    areas = area_field("What would you like help with?")
    message = forms.CharField(
        label="Your message",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 7, "placeholder": ASK_OUTLINE}),
        help_text="A few sentences: who you are, what you hope for, how often you'd like to "
        "meet. Being specific makes saying yes easy.",
    )
    preferred_mode = forms.ChoiceField(
        label="I'd prefer to meet by",
        choices=[("", "No preference")] + Mode.choices,
        required=False,
    )
    preferred_cadence_days = forms.TypedChoiceField(
        label="I'd like to meet",
        choices=[("", "No preference"), *CADENCE_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )


class InviteForm(forms.Form):
    areas = area_field("Areas you could help with")
    message = forms.CharField(
        label="Your message",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Say what you noticed and what you could offer; asking about their vision "
        "for the future is a good way to start.",
    )


class RegisterForm(forms.Form):
    since_on = forms.DateField(
        label="We have been meeting since",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    areas = area_field("Areas the mentoring covers")
    message = forms.CharField(
        label="A note for the other person (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_since_on(self):
        since_on = self.cleaned_data["since_on"]
        if since_on > timezone.localdate():
            raise forms.ValidationError("The start date can't be in the future.")
        if since_on < datetime.date(1990, 1, 1):
            raise forms.ValidationError("Enter a date after 1990.")
        return since_on


class RegisterMenteeForm(RegisterForm):
    """A mentor records an existing mentee, who is found by e-mail address."""

    mentee_email = forms.EmailField(label="The mentee's e-mail address")
    field_order = ["mentee_email", "since_on", "areas", "message"]


class ExpectationsForm(forms.ModelForm):
    """Agreed expectations, used both to accept a request and to propose a change."""

    focus_areas = area_field("Focus areas")

    class Meta:
        model = Mentorship
        fields = Expectations.EXPECTATION_FIELDS


class ChangeForm(ExpectationsForm):
    note = forms.CharField(
        label="Why the change (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = ExpectationChange
        fields = [*Expectations.EXPECTATION_FIELDS, "focus_areas", "note"]


class DeclineForm(forms.Form):
    message = forms.CharField(
        label="Your answer",
        max_length=2000,
        required=False,
        initial=DEFAULT_DECLINE_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A kind default is filled in; change it as you like.",
    )


class ReferForm(forms.Form):
    colleague = forms.TypedChoiceField(label="Colleague", coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(
        label="A note for the student",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why this colleague fits what they asked for.",
    )

    def __init__(self, *args, colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].choices = [(p.user_id, p.display_name) for p in colleagues]
        self.fields["colleague"].error_messages["invalid_choice"] = (
            "Choose one of the colleagues listed; search again if they are not shown."
        )


class CloseForm(forms.Form):
    # A no-fault ending has its own page (concerns app), with its fixed message.
    reason = forms.ChoiceField(
        label="Why is it ending?",
        choices=[
            choice
            for choice in Mentorship.CloseReason.choices
            if choice[0] != Mentorship.CloseReason.NO_FAULT
        ],
    )
    reflection = forms.CharField(
        label="A closing reflection (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What went well, what you take away. Your partner sees this; nobody else.",
    )


class PauseForm(forms.Form):
    cancel_meetings = forms.BooleanField(
        label="Also cancel our planned meetings",
        required=False,
        help_text="Each is marked cancelled, also in calendars that subscribe to them.",
    )


class StopAcceptingForm(forms.Form):
    choice = forms.ChoiceField(
        label="What should happen to the requests waiting for you?",
        choices=[
            ("keep", "Keep them; I'll answer each one"),
            ("decline", "Decline them all with the message below"),
        ],
        widget=forms.RadioSelect,
        initial="keep",
    )
    message = DeclineForm.base_fields["message"]
