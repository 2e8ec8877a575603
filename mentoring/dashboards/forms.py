import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

# Medical school years in the US start in July; the default period is this one to date.
ACADEMIC_YEAR_STARTS = (7, 1)
LONGEST_PERIOD_YEARS = 5
# Bounds that keep date arithmetic and time zones well inside what Python and SQL handle.
EARLIEST = datetime.date(1990, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day, months):
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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


class PeriodForm(forms.Form):
    """The period a dashboard looks at. Either date may be left out: the default fills it."""

    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default_start, default_end = default_period()
        start = data.get("start") or default_start
        end = data.get("end") or (default_end if start <= default_end else start)
        if start < EARLIEST or end > LATEST:
            raise ValidationError(
                f"Choose dates between {EARLIEST:%d %B %Y} and {LATEST:%d %B %Y}."
            )
        if end < start:
            raise ValidationError("The end of the period comes before its start.")
        if end > add_years(start, LONGEST_PERIOD_YEARS):
            raise ValidationError(f"Choose a period of at most {LONGEST_PERIOD_YEARS} years.")
        data["start"], data["end"] = start, end
        return data

    def period(self):
        """(start, end, problems): the chosen period if valid, else the default and why."""
        if self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"], []
        problems = [
            f"{self.fields[name].label if name in self.fields else 'Period'}: {message}"
            if name != "__all__"
            else message
            for name, messages in self.errors.items()
            for message in messages
        ]
        return *default_period(), problems


class RecommendationNoteForm(forms.Form):
    note = forms.CharField(
        label="A note from you (optional)",
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Otherwise a short, kind note is sent in your name.",
    )
