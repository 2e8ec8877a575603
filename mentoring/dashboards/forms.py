import datetime

from django import forms
from django.utils import timezone

from mentoring.lib import periods
from mentoring.lib.periods import add_months, add_years

# Medical school years in the US start in July; the default period is this one to date.
ACADEMIC_YEAR_STARTS = (7, 1)
LONGEST_PERIOD_YEARS = 5


def academic_year_start(today):
    month, day = ACADEMIC_YEAR_STARTS
    start = datetime.date(today.year, month, day)
    return start if start <= today else add_years(start, -1)


def default_period(today=None):
    """The current academic year to date."""
    today = today or timezone.localdate()
    return academic_year_start(today), today


def preset_periods(today=None):
    """(label, start, end) for the quick links above the dashboard."""
    today = today or timezone.localdate()
    this_year = academic_year_start(today)
    return [
        ("This academic year", this_year, today),
        ("Last 6 months", add_months(today, -6) + datetime.timedelta(days=1), today),
        ("Last academic year", add_years(this_year, -1), this_year - datetime.timedelta(days=1)),
    ]


class PeriodForm(periods.PeriodForm):
    """The period a dashboard looks at: the academic year to date unless chosen."""

    longest_years = LONGEST_PERIOD_YEARS

    def default(self):
        return default_period()


class RecommendationNoteForm(forms.Form):
    note = forms.CharField(
        label="A note from you (optional)",
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Otherwise a short, kind note is sent in your name.",
    )
