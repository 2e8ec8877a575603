import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

from mentoring.feedback.models import Feedback
from mentoring.lib import periods
from mentoring.lib.periods import add_years
from mentoring.portfolio.models import LineageConsent, PortfolioConsent


def last_twelve_months(today=None):
    today = today or timezone.localdate()
    return add_years(today, -1) + datetime.timedelta(days=1), today


def preset_periods(today=None):
    """(label, start, end) for the quick links: a promotion dossier often covers years."""
    today = today or timezone.localdate()
    start, _ = last_twelve_months(today)
    return [
        ("Last 12 months", start, today),
        ("Last 3 years", start.replace(year=start.year - 2), today),
        ("Last 5 years", start.replace(year=start.year - 4), today),
        (
            f"Calendar year {today.year - 1}",
            datetime.date(today.year - 1, 1, 1),
            datetime.date(today.year - 1, 12, 31),
        ),
    ]


class PeriodForm(periods.PeriodForm):
    """The period a portfolio covers: the last twelve months unless chosen."""

    def default(self):
        return last_twelve_months()


class FeedbackChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{date_format(obj.created_at, 'j F Y')}: “{Truncator(obj.what_helps).chars(160)}”"


class ConsentForm(forms.Form):
    """The mentee's choices for one mentorship, and their lineage choice for all mentors."""

    is_named = forms.BooleanField(
        label="Name me in this mentor's portfolio",
        required=False,
        help_text="Otherwise it describes you only by programme and stage at the start, "
        "for example “A learner in MD, Clerkship year at the start”, and lists your "
        "confirmed outcomes by kind and month without their titles.",
    )
    quoted_feedback = FeedbackChoice(
        queryset=Feedback.objects.none(),
        label="Feedback it may quote",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What you wrote under “what helps me” in the entries you tick, quoted "
        "with its date (and your name only if you agree to be named above).",
    )
    show_in_lineage = forms.BooleanField(
        label="Show me in my mentors' lineage",
        required=False,
        help_text="For all your mentors: once you mentor others here yourself, your former "
        "mentors' portfolios and profiles may name you among the learners they mentored "
        "who now mentor others. Otherwise you are only counted.",
    )

    def __init__(self, *args, mentorship, **kwargs):
        self.mentorship = mentorship
        self.consent = PortfolioConsent.objects.filter(mentorship=mentorship).first()
        self.lineage = LineageConsent.objects.filter(user_id=mentorship.mentee_id).first()
        kwargs.setdefault(
            "initial",
            {
                "is_named": bool(self.consent and self.consent.is_named),
                "quoted_feedback": list(self.consent.quoted_feedback.all()) if self.consent else [],
                "show_in_lineage": bool(self.lineage and self.lineage.is_shown),
            },
        )
        super().__init__(*args, **kwargs)
        # Only the mentee's own words to this mentor, and only those with something to quote.
        self.fields["quoted_feedback"].queryset = (
            Feedback.objects.filter(
                mentorship=mentorship,
                author_id=mentorship.mentee_id,
                direction=Feedback.Direction.TO_MENTOR,
            )
            .exclude(what_helps="")
            .order_by("-created_at", "-pk")
        )

    def save(self):
        consent, _ = PortfolioConsent.objects.update_or_create(
            mentorship=self.mentorship, defaults={"is_named": self.cleaned_data["is_named"]}
        )
        consent.quoted_feedback.set(self.cleaned_data["quoted_feedback"])
        LineageConsent.objects.update_or_create(
            user_id=self.mentorship.mentee_id,
            defaults={"is_shown": self.cleaned_data["show_in_lineage"]},
        )
