"""A period of days to look at, chosen in a form (dashboards, the faculty portfolio), and
the date arithmetic it needs.

Each page has its own default (the academic year to date, the last twelve months): a form
for it subclasses PeriodForm and says so in `default()`.
"""

import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError

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


class PeriodForm(forms.Form):
    """From and To, either of which may be left out: the default fills it in."""

    # At most this many years long, when set.
    longest_years = None

    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def default(self):
        """(start, end) when nothing, or nothing valid, was chosen."""
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default_start, default_end = self.default()
        start = data.get("start") or default_start
        end = data.get("end") or max(default_end, start)
        if start < EARLIEST or end > LATEST:
            raise ValidationError(
                f"Choose dates between {EARLIEST:%d %B %Y} and {LATEST:%d %B %Y}."
            )
        if end < start:
            raise ValidationError("The end of the period comes before its start.")
        if self.longest_years and end > add_years(start, self.longest_years):
            raise ValidationError(f"Choose a period of at most {self.longest_years} years.")
        data["start"], data["end"] = start, end
        return data

    def period(self):
        """(start, end, problems): the chosen period if valid, else the default and what was
        wrong, in words."""
        if self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"], []
        problems = [
            f"{self.fields[name].label if name in self.fields else 'Period'}: {message}"
            if name != "__all__"
            else message
            for name, messages in self.errors.items()
            for message in messages
        ]
        return *self.default(), problems
