from django import forms

from mentoring.feedback import questions
from mentoring.feedback.models import Answer, Feedback, Fit, Reassessment
from mentoring.goals.models import Goal

MENTOR_FIELDS = ["goal", "strengths", "work_on", "next_challenge"]
MENTEE_FIELDS = ["goal", "what_helps", "would_help_more"]


class FeedbackForm(forms.ModelForm):
    """Feedback from one side of a mentorship; the side decides which questions are asked."""

    def __init__(self, *args, mentorship, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        # The goals this person may read in this mentorship, as on every other goal page:
        # shared with it, and for the mentor only while it is open.
        self.fields["goal"].queryset = Goal.objects.readable_in(mentorship, viewer)
        self.fields["goal"].required = False
        self.fields["goal"].label = "About this goal (optional)"
        self.fields["goal"].empty_label = "No particular goal"
        self.fields["goal"].label_from_instance = lambda goal: goal.title
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


class ReassessmentForm(forms.ModelForm):
    """The questions depend on the kind of prompt and on who answers (see questions.py)."""

    class Meta:
        model = Reassessment
        fields = [
            "fit",
            "going_well",
            "to_improve",
            "goals_fit",
            "arrangement_fit",
            "satisfaction",
            "is_shared",
        ]
        widgets = {
            "going_well": forms.Textarea(attrs={"rows": 3}),
            "to_improve": forms.Textarea(attrs={"rows": 3}),
            "goals_fit": forms.RadioSelect,
            "arrangement_fit": forms.RadioSelect,
            "fit": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ask(self.instance)
        # Decide whether to share after answering, knowing what the partner would read.
        self.fields["is_shared"] = self.fields.pop("is_shared")

    def _ask(self, prompt):
        """Add, drop and relabel questions for this kind of prompt and this respondent."""
        is_mentor = prompt.is_mentor
        self.fields["satisfaction"] = forms.TypedChoiceField(
            label="How satisfied are you with this mentorship?",
            choices=questions.SATISFACTION,
            coerce=int,
            widget=forms.RadioSelect,
            required=prompt.kind != Reassessment.Kind.FIT_CHECK,
        )
        self.fields["is_shared"].help_text = (
            "Otherwise only you see your answers. Coordinators see only that it was done "
            "and averages, never your words."
        )
        if prompt.kind == Reassessment.Kind.FIT_CHECK:
            self.fields["fit"].required = True
            self.fields["fit"].label = "After the first meeting, is this a good fit?"
            self.fields["fit"].choices = Fit.choices
            for name in ("goals_fit", "arrangement_fit", "satisfaction", "to_improve"):
                del self.fields[name]
            self.fields["going_well"].label = "Anything to say about it? (optional)"
            return
        del self.fields["fit"]
        if prompt.kind == Reassessment.Kind.CLOSING:
            for name in ("goals_fit", "arrangement_fit"):
                del self.fields[name]
            self.fields["going_well"].label = "What helped most?"
            self.fields["to_improve"].label = "What could have been better?"
            return
        for name in ("goals_fit", "arrangement_fit"):
            self.fields[name].required = True
            self.fields[name].choices = Answer.choices
        for key, text in questions.scored_questions(is_mentor):
            self.fields[f"score_{key}"] = forms.TypedChoiceField(
                label=text, choices=questions.SCALE, coerce=int, widget=forms.RadioSelect
            )
        self.fields["signs"] = forms.MultipleChoiceField(
            label="Tick anything you have noticed (optional)",
            choices=questions.checkbox_questions(is_mentor),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

    def save(self, commit=True):
        prompt = super().save(commit=False)
        prompt.scores = {
            name.removeprefix("score_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }
        prompt.warning_signs = self.cleaned_data.get("signs", [])
        return prompt
