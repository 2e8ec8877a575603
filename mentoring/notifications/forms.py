from django import forms

from mentoring.notifications import preferences
from mentoring.notifications.models import TEXT_CATEGORIES, Category, EmailChoice

EXAMPLES = {
    Category.REQUESTS: "Someone asks you to be their mentor, answers your request, "
    "invites or refers you.",
    Category.MENTORSHIPS: "A mentorship is paused, closed, or its expectations change.",
    Category.MESSAGES: "Your mentor or mentee writes to you, or a faculty member asks "
    "about your request. The e-mail says who wrote and links to the conversation.",
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
        current, with_text = preferences.chosen_by(user)
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
            if category in TEXT_CATEGORIES:
                self.fields[text_field(category)] = forms.BooleanField(
                    label="Include the words of each message in the e-mail",
                    required=False,
                    initial=category in with_text,
                    help_text="Off: the e-mail only says who wrote. E-mail can pass through "
                    "servers outside the school, so leave this off for anything private.",
                )

    def save(self):
        data = self.cleaned_data
        preferences.choose(
            self.user,
            {category: data[category.value] for category in Category},
            with_text={category for category in TEXT_CATEGORIES if data[text_field(category)]},
        )


def text_field(category):
    return f"{category.value}_text"
