import datetime

from django import forms
from django.utils import timezone

from mentoring.goals.models import Goal, GoalUpdate
from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.mentorships.models import Mentorship

EARLIEST_TARGET = datetime.date(1990, 1, 1)
TARGET_YEARS_AHEAD = 10


def years_after(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=day.year + years, day=28)


class MentorshipChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, mentorship):
        paused = " (paused)" if mentorship.status == Mentorship.Status.PAUSED else ""
        return f"{mentorship.mentor}{paused}"


class GoalForm(forms.ModelForm):
    """A goal and the mentorships that see it. The mentee is the instance's, never the POST's."""

    share_with = MentorshipChoiceField(
        queryset=Mentorship.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Which mentors see this goal",
        help_text="Only your active and paused mentorships are listed. "
        "With none ticked, the goal is private: only you see it.",
        error_messages={
            "invalid_choice": "Choose among your own active or paused mentorships.",
            "invalid_pk_value": "Choose among your own active or paused mentorships.",
        },
    )

    class Meta:
        model = Goal
        fields = ["kind", "title", "description", "target_on"]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "target_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"kind": "Kind of goal", "title": "Your goal", "target_on": "Target date"}
        help_texts = {
            "title": "In a few words, e.g. “pass my anatomy course”. Up to 200 characters.",
            "description": "Optional: why it matters, what would count as done. "
            "Up to 2000 characters.",
            "target_on": "Optional. A date helps with short, concrete goals.",
        }
        error_messages = {
            "kind": {
                "required": "Choose the kind of goal: broad, specific, medical, work habits "
                "or personal."
            },
            "title": {"required": "Write the goal in a few words."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "---------" choice; the field stays required.
        self.fields["kind"].choices = Goal.Kind.choices
        # Validated against this queryset: a crafted POST naming anyone else's mentorship
        # is refused, not silently shared.
        own_open = (
            Mentorship.objects.filter(mentee_id=self.instance.mentee_id)
            .open()
            .select_related("mentor")
            .order_by("started_on", "pk")
        )
        self.fields["share_with"].queryset = own_open
        self.shared_before = set()
        if self.instance.pk:
            self.shared_before = set(self.instance.shared_with.open().values_list("pk", flat=True))
            self.fields["share_with"].initial = sorted(self.shared_before)

    def clean_target_on(self):
        target_on = self.cleaned_data["target_on"]
        if target_on is None:
            return None
        if target_on < EARLIEST_TARGET:
            raise forms.ValidationError("Enter a target date in 1990 or later.")
        latest = years_after(timezone.localdate(), TARGET_YEARS_AHEAD)
        if target_on > latest:
            raise forms.ValidationError(
                f"Choose a target date within the next ten years (by {latest.day} {latest:%B %Y})."
            )
        return target_on


class ProgressForm(forms.ModelForm):
    """One step of progress: a note and the status the goal moves to."""

    class Meta:
        model = GoalUpdate
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"status": "Status now", "note": "What happened"}
        help_texts = {"note": "Optional if the status changes. Up to 2000 characters."}
        error_messages = {"status": {"required": "Choose the goal's status now."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = Goal.Status.choices
        self.fields["status"].initial = self.instance.goal.status

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == self.instance.goal.status and not cleaned.get("note", "").strip():
            raise forms.ValidationError("Write a note or choose a new status.")
        return cleaned
