from django import forms

from mentoring.concerns.models import Concern

DETAILS_HELP = (
    "Only the people you send it to read this: never your partner, never other "
    "coordinators. Each time they open it, that is recorded."
)


class RouteField(forms.ChoiceField):
    widget = forms.RadioSelect

    def offer(self, routes):
        """The routes open to this sender, the first chosen unless they pick another."""
        self.choices = routes
        self.initial = routes[0][0] if routes else None


class ConcernForm(forms.Form):
    route = RouteField(label="Send it to")
    category = forms.ChoiceField(
        label="What is it about?", choices=Concern.Category.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label="What is happening",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=DETAILS_HELP,
        error_messages={"required": "Say in a few words what is happening."},
    )
    wants_contact = forms.BooleanField(label="I would like them to contact me", required=False)

    def __init__(self, routes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].offer(routes)


class ReassessmentConcernForm(ConcernForm):
    consent = forms.BooleanField(
        label="Yes, send this in confidence, with the warning signs I ticked",
        error_messages={"required": "Tick this box to send it; nothing is sent otherwise."},
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your message",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write a message first."},
    )


class CloseConcernForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[c for c in Concern.Outcome.choices if c[0] != Concern.Outcome.SENDER_LEFT],
        widget=forms.RadioSelect,
        help_text="The sender sees the outcome.",
    )


class NoFaultEndingForm(forms.Form):
    confirm = forms.BooleanField(
        label="I want to end this mentorship for both of us",
        error_messages={"required": "Tick this box to end the mentorship."},
    )
    send_reason = forms.BooleanField(
        label="Tell the programme why, in confidence (optional)", required=False
    )
    route = RouteField(label="Send my reason to", required=False)
    category = forms.ChoiceField(
        label="It is mostly about",
        choices=Concern.Category.choices,
        initial=Concern.Category.OTHER,
        required=False,
    )
    reason = forms.CharField(
        label="My reason",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Never shown to your partner.",
    )
    wants_contact = forms.BooleanField(label="I would like them to contact me", required=False)

    def __init__(self, routes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].offer(routes)
        if not routes:
            for name in ("send_reason", "route", "category", "reason", "wants_contact"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if "send_reason" not in self.fields:
            return data
        data["reason"] = (data.get("reason") or "").strip()
        if data.get("send_reason"):
            if not data["reason"]:
                self.add_error("reason", "Write your reason, or untick the box above.")
            if not data.get("route"):
                self.add_error("route", "Choose who receives your reason.")
        elif data["reason"]:
            self.add_error(
                "send_reason", "Tick this box to send your reason, or leave the reason empty."
            )
        return data
