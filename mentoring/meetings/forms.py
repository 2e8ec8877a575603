import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from mentoring.goals.models import Goal
from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.lib.text import reject_control_characters
from mentoring.meetings.models import ActionItem, Meeting, PrivateNote, check_meeting_time

SHORTEST, LONGEST = 5, 480
LENGTH_MESSAGE = f"A meeting lasts from {SHORTEST} to {LONGEST} minutes (eight hours)."
# The same words whichever check catches the value: the form field's own bounds or ours.
LENGTH_ERRORS = {"minutes": {"min_value": LENGTH_MESSAGE, "max_value": LENGTH_MESSAGE}}
LOGGED_TOO_EARLY = "A meeting can be logged once it has started."


def when_widget():
    # The browser's own date-and-time picker; Django reads the value in the person's time zone.
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def check_minutes(minutes):
    if not SHORTEST <= minutes <= LONGEST:
        raise ValidationError(LENGTH_MESSAGE)
    return minutes


def owner_choices(mentorship):
    """Who does an action item, by name: "Sam Okafor (mentee)" reads better than "Mentee"."""
    return [
        (ActionItem.Owner.MENTEE, f"{mentorship.mentee} (mentee)"),
        (ActionItem.Owner.MENTOR, f"{mentorship.mentor} (mentor)"),
    ]


class MeetingForm(forms.ModelForm):
    """Plan a meeting, or change a planned one."""

    class Meta:
        model = Meeting
        fields = ["starts_at", "minutes", "mode", "place", "agenda"]
        widgets = {"starts_at": when_widget(), "agenda": forms.Textarea(attrs={"rows": 4})}
        labels = {"mode": "How"}
        error_messages = LENGTH_ERRORS
        help_texts = {
            "starts_at": "In your time zone; your partner sees it in theirs.",
            "place": "A room, a ward, a phone number or a video link.",
        }

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        check_meeting_time(starts_at)
        if "starts_at" in self.changed_data and starts_at < timezone.now():
            raise ValidationError(
                "That time has passed. To record a meeting that happened, log it instead."
            )
        return starts_at

    def clean_minutes(self):
        return check_minutes(self.cleaned_data["minutes"])


class AgendaForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["agenda"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"agenda": "Two or three things to talk about, most important first."}


class GoalChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, goal):
        return goal.title  # a goal's str() is only its number, so that the admin never shows it


class MeetingLogForm(forms.ModelForm):
    """What happened at a meeting: the shared record both people see."""

    class Meta:
        model = Meeting
        fields = ["starts_at", "minutes", "mode", "place", "shared_notes", "goals_discussed"]
        widgets = {
            "starts_at": when_widget(),
            "shared_notes": forms.Textarea(attrs={"rows": 6}),
            "goals_discussed": forms.CheckboxSelectMultiple,
        }
        labels = {"mode": "How"}
        field_classes = {"goals_discussed": GoalChoiceField}
        error_messages = LENGTH_ERRORS
        help_texts = {"starts_at": "When it started, in your time zone."}

    def __init__(self, *args, mentorship, **kwargs):
        super().__init__(*args, **kwargs)
        goals = self.fields["goals_discussed"]
        # Only goals the mentee shared with this mentorship: a crafted id of any other goal
        # is refused as an invalid choice.
        goals.queryset = Goal.objects.shared_with_mentorship(mentorship)
        goals.error_messages["invalid_choice"] = (
            "Choose among the goals shared with this mentorship."
        )
        goals.help_text = "Goals the mentee shared with this mentorship."

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        check_meeting_time(starts_at)
        if starts_at > timezone.now():
            raise ValidationError(LOGGED_TOO_EARLY)
        return starts_at

    def clean_minutes(self):
        return check_minutes(self.cleaned_data["minutes"])


class ActionItemForm(forms.ModelForm):
    done = forms.BooleanField(required=False)

    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on"]
        widgets = {"due_on": date_widget()}
        labels = {"text": "Action item", "owner": "Who", "due_on": "Due"}

    def __init__(self, *args, mentorship, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owner_choices(mentorship)
        self.fields["done"].initial = self.instance.done_at is not None

    def save(self, commit=True):
        item = super().save(commit=False)
        if not self.cleaned_data["done"]:
            item.done_at = None
        elif item.done_at is None:
            item.done_at = timezone.now()
        if commit:
            item.save()
        return item


class BaseActionItemFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The view validates the meeting form first, which writes its time onto the meeting
        # these items belong to: due dates are checked against the date being saved.
        starts_at = self.instance.starts_at
        if starts_at is None:
            return
        meeting_on = timezone.localdate(starts_at)
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", {})
            due_on = cleaned.get("due_on")
            # "DELETE" is the formset's documented deletion field (can_delete).
            if due_on and due_on < meeting_on and not cleaned.get("DELETE"):
                form.add_error("due_on", due_before_meeting(meeting_on))


def due_before_meeting(meeting_on):
    return f"An action item can't be due before the meeting ({meeting_on:%d %b %Y})."


ActionItemFormSet = forms.inlineformset_factory(
    Meeting,
    ActionItem,
    form=ActionItemForm,
    formset=BaseActionItemFormSet,
    extra=3,
    max_num=30,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)


class PrivateNoteForm(forms.ModelForm):
    class Meta:
        model = PrivateNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": "Your private note"}
        help_texts = {
            "text": "Only you can ever read this: not your partner, not coordinators, not "
            "staff. Leave it empty to delete it."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False


class QuickLogForm(forms.ModelForm):
    """The mentor's 30-second log of a session: when, how long, how, a note, one next step."""

    day = forms.DateField(label="Date", widget=date_widget())
    action_text = forms.CharField(
        label="Next step (optional)",
        max_length=ActionItem._meta.get_field("text").max_length,
        validators=[reject_control_characters],
        required=False,
    )
    action_owner = forms.ChoiceField(
        label="Who", choices=ActionItem.Owner.choices, initial=ActionItem.Owner.MENTEE
    )
    action_due_on = forms.DateField(label="Due", required=False, widget=date_widget())

    class Meta:
        model = Meeting
        fields = ["minutes", "mode", "shared_notes"]
        error_messages = LENGTH_ERRORS
        widgets = {"shared_notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"mode": "How"}

    field_order = ["day", "minutes", "mode", "shared_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_owner"].choices = owner_choices(self.instance.mentorship)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise ValidationError(LOGGED_TOO_EARLY)
        if day < datetime.date(1990, 1, 1):
            raise ValidationError("A meeting can't be before 1990.")
        return day

    def clean_minutes(self):
        return check_minutes(self.cleaned_data["minutes"])

    def clean(self):
        cleaned = super().clean()
        day, due_on = cleaned.get("day"), cleaned.get("action_due_on")
        if due_on and not cleaned.get("action_text"):
            self.add_error("action_text", "Write the next step, or leave its date empty.")
        if day and due_on and due_on < day:
            self.add_error("action_due_on", due_before_meeting(day))
        if day:
            # The hour is rarely worth asking for: noon that day, or now if noon is still to
            # come, so that a session logged this morning is not "in the future".
            noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
            cleaned["starts_at"] = min(noon, timezone.now())
        return cleaned
