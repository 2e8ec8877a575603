"""The forms of office hours: publishing weekly times, and picking a slot to book."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from mentoring.meetings.models import Meeting, OfficeHours
from mentoring.meetings.office_hours import zone_of

LONGEST_SPAN = 8 * 60  # minutes: a whole working day at most
SLOT_VALUE = re.compile(r"([0-9]{1,12})@([0-9]{1,10})")  # seconds: up to the year 2286
PICK_A_SLOT = "Pick a slot from the list."


def minutes_between(start, end):
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def lengths_dividing(span):
    """Slot lengths that cut `span` minutes into whole slots, from the shortest allowed."""
    shortest, longest = OfficeHours.SHORTEST_SLOT, OfficeHours.LONGEST_SLOT
    return [n for n in range(shortest, min(span, longest) + 1) if span % n == 0]


def time_widget():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OfficeHoursForm(forms.ModelForm):
    """Publish or change weekly office hours; the times are in the mentor's time zone."""

    class Meta:
        model = OfficeHours
        fields = [
            "weekday",
            "start_time",
            "end_time",
            "slot_minutes",
            "mode",
            "place",
            "is_open_to_requests",
        ]
        widgets = {"start_time": time_widget(), "end_time": time_widget()}
        help_texts = {
            "slot_minutes": "Each student books one slot: 15, 20 or 30 minutes suit most talks.",
            "place": "A room or ward for in person; the call link for video.",
            "is_open_to_requests": "They can meet you before you answer. If you accept, their "
            "booking becomes your first meeting; if the request ends otherwise, so does it.",
        }

    def __init__(self, *args, mentor, **kwargs):
        super().__init__(*args, **kwargs)
        self.mentor = mentor
        self.fields["start_time"].help_text = f"In your time zone, {zone_of(mentor).key}."
        self.fields["mode"].choices = OfficeHours.MODES  # no empty choice: one of the two
        slot = self.fields["slot_minutes"]
        slot.widget.attrs.update(min=OfficeHours.SHORTEST_SLOT, max=OfficeHours.LONGEST_SLOT)
        message = (
            f"A slot lasts from {OfficeHours.SHORTEST_SLOT} to {OfficeHours.LONGEST_SLOT} minutes."
        )
        slot.error_messages.update(min_value=message, max_value=message)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        slot = cleaned.get("slot_minutes")
        if start and end:
            self._check_times(start, end, slot)
        mode, place = cleaned.get("mode"), cleaned.get("place")
        if mode == Meeting.Mode.VIDEO and place:
            try:
                URLValidator(schemes=["https", "http"])(place)
            except ValidationError:
                self.add_error("place", "For video, give the call link, starting with https://.")
        return cleaned

    def _check_times(self, start, end, slot):
        span = minutes_between(start, end)
        if span <= 0:
            self.add_error("end_time", "The end must be after the start.")
            return
        if span > LONGEST_SPAN:
            self.add_error("end_time", "Office hours last at most eight hours at a time.")
            return
        if slot and span % slot:
            fits = ", ".join(str(n) for n in lengths_dividing(span)) or "none"
            self.add_error(
                "slot_minutes",
                f"{start:%H:%M} to {end:%H:%M} is {span} minutes, which does not divide into "
                f"{slot}-minute slots. Lengths that fit: {fits}; or change the times.",
            )
        weekday = self.cleaned_data.get("weekday")
        if weekday is None:
            return
        clash = (
            OfficeHours.objects.published()
            .filter(mentor=self.mentor, weekday=weekday, start_time__lt=end, end_time__gt=start)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if clash:
            self.add_error(
                "start_time",
                f"This overlaps your office hours on {clash}. Change those, or pick other times.",
            )


class BookingForm(forms.Form):
    """Pick one of the free slots. The slot is checked by bookings.book(), which can say
    why a slot is gone (taken a moment ago, passed), where a choice field could only say
    "not a valid choice"."""

    slot = forms.CharField(error_messages={"required": PICK_A_SLOT})
    agenda = forms.CharField(
        label="What would you like to talk about? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your mentor sees this with the booking.",
    )

    def clean_slot(self):
        """(office hours id, start) from "<id>@<seconds since 1970>"."""
        match = SLOT_VALUE.fullmatch(self.cleaned_data["slot"])
        if not match:
            raise ValidationError(PICK_A_SLOT)
        starts_at = datetime.datetime.fromtimestamp(int(match[2]), tz=datetime.UTC)
        return int(match[1]), starts_at
