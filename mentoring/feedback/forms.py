from django import forms

from mentoring.feedback.models import Feedback
from mentoring.goals.models import Goal

MENTOR_FIELDS = ["goal", "strengths", "work_on", "next_challenge"]
MENTEE_FIELDS = ["goal", "what_helps", "would_help_more"]


class FeedbackForm(forms.ModelForm):
    """Feedback from one side of a mentorship; the side decides which questions are asked."""

    def __init__(self, *args, mentorship, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.shared_with_mentorship(mentorship)
        self.fields["goal"].required = False
        self.fields["goal"].label = "About this goal (optional)"
        self.fields["goal"].empty_label = "No particular goal"
        for name, field in self.fields.items():
            if name != "goal":
                field.widget = forms.Textarea(attrs={"rows": 3})

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in self.fields if name != "goal"):
            raise forms.ValidationError("Write at least one answer before sending.")
        return cleaned


class MentorFeedbackForm(FeedbackForm):
    class Meta:
        model = Feedback
        fields = MENTOR_FIELDS
        help_texts = {
            "strengths": "Support: what they do well, with an example.",
            "work_on": "Challenge: one concrete thing, not a list.",
            "next_challenge": "Vision: the next step toward where they want to go.",
        }


class MenteeFeedbackForm(FeedbackForm):
    class Meta:
        model = Feedback
        fields = MENTEE_FIELDS
        help_texts = {
            "what_helps": "What your mentor does that helps you most.",
            "would_help_more": "What would help more: more questions, more challenge, another "
            "way of meeting, an introduction to someone else...",
        }
