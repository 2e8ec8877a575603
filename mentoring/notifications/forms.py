from django import forms

from mentoring.notifications import preferences
from mentoring.notifications.models import Category, EmailChoice

EXAMPLES = {
    Category.REQUESTS: "Someone asks you to be their mentor, answers your request, "
    "invites or refers you.",
    Category.MENTORSHIPS: "A mentorship is paused, closed, or its expectations change.",
    Category.MEETINGS: "Meetings are planned or changed; action items are due.",
    Category.FEEDBACK: "Feedback is given or asked for; a goal is shared with you.",
    Category.REMINDERS: "A request waits for your answer, a meeting is coming, "
    "a mentorship has gone quiet.",
    Category.REASSESSMENTS: "It is time to look back at a mentorship together.",
    Category.OTHER: "Anything else we need to tell you.",
}


class EmailPreferencesForm(forms.Form):
    """One choice per category. Its only fields are these choices: a crafted POST can set
    nothing else, and only for the person signed in."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        current = preferences.choices_of(user)
        for category in Category:
            self.fields[category.value] = forms.ChoiceField(
                label=category.label,
                choices=EmailChoice.choices,
                initial=current[category],
                widget=forms.RadioSelect,
                help_text=EXAMPLES[category],
                error_messages={
                    "required": f"Choose how to hear about {category.label.lower()}.",
                    "invalid_choice": "Choose one of the three options: each one, "
                    "a daily digest, or no e-mail.",
                },
            )

    def save(self):
        preferences.choose(self.user, self.cleaned_data)
