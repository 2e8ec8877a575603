"""Office hours: a mentor publishes weekly times, their mentees (and, if the mentor allows it,
students whose request waits) book a slot, and either side cancels. Logic lives in
office_hours.py (slots, who may book) and bookings.py (the writes)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.models import User
from mentoring.meetings import bookings, calendar
from mentoring.meetings.bookings import BookingProblem
from mentoring.meetings.models import Booking, OfficeHours
from mentoring.meetings.office_hours import (
    CLOSED,
    WEEKS_AHEAD,
    bookable_by,
    coming_slots,
    standing_of,
    zone_of,
)
from mentoring.meetings.office_hours_forms import BookingForm, OfficeHoursForm
from mentoring.profiles.models import MentorProfile


def _mentor_only(user):
    """Office hours are published by mentors: anyone without a mentor profile gets a 404."""
    if not MentorProfile.objects.filter(user=user).exists():
        raise Http404("No mentor profile.")


def _own_office_hours(user):
    return OfficeHours.objects.published().filter(mentor=user)


def _coming_bookings(**scope):
    return (
        Booking.objects.holding()
        .filter(starts_at__gt=timezone.now(), **scope)
        .select_related("student", "mentor")
    )


def by_day(slots):
    """[(day, [slots])] with days in the viewer's time zone (the one active for the page)."""
    days = {}
    for slot in slots:
        days.setdefault(timezone.localdate(slot.starts_at), []).append(slot)
    return list(days.items())


@require_safe
def my_office_hours(request):
    _mentor_only(request.user)
    series = list(_own_office_hours(request.user))
    free = coming_slots(series, request.user, timezone.now())
    free_counts = {}
    for slot in free:
        free_counts[slot.office_hours.pk] = free_counts.get(slot.office_hours.pk, 0) + 1
    for office_hours in series:
        office_hours.free_count = free_counts.get(office_hours.pk, 0)
    return render(
        request,
        "meetings/office_hours.html",
        {
            "series": series,
            "bookings": list(_coming_bookings(mentor=request.user)),
            "weeks": WEEKS_AHEAD,
            "zone": zone_of(request.user).key,
        },
    )


def add_office_hours(request):
    _mentor_only(request.user)
    office_hours = OfficeHours(mentor=request.user)
    form = OfficeHoursForm(request.POST or None, instance=office_hours, mentor=request.user)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            f"Published: {office_hours}. Your mentees can book a slot now.",
        )
        return redirect("meetings:office-hours")
    return render(request, "meetings/office_hours_form.html", {"form": form})


def edit_office_hours(request, pk):
    office_hours = get_object_or_404(_own_office_hours(request.user), pk=pk)
    form = OfficeHoursForm(request.POST or None, instance=office_hours, mentor=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Saved. Slots already booked keep their time and place.")
        return redirect("meetings:office-hours")
    return render(
        request,
        "meetings/office_hours_form.html",
        {
            "form": form,
            "office_hours": office_hours,
            "booked": _coming_bookings(office_hours=office_hours).count(),
        },
    )


def remove_office_hours(request, pk):
    office_hours = get_object_or_404(_own_office_hours(request.user), pk=pk)
    booked = list(_coming_bookings(office_hours=office_hours))
    choice = request.POST.get("bookings")
    problem = ""
    if request.method == "POST":
        if booked and choice not in ("keep", "cancel"):
            problem = "Choose what happens to the slots already booked."
        else:
            cancelled = choice == "cancel"
            try:
                count = bookings.remove(office_hours, request.user, cancel_bookings=cancelled)
            except BookingProblem as gone:
                messages.error(request, str(gone))
                return redirect("meetings:office-hours")
            if not count:
                messages.success(request, f"Removed your office hours: {office_hours}.")
            elif cancelled:
                messages.success(
                    request,
                    f"Removed, and cancelled {count} booked slot{'s' if count != 1 else ''}: "
                    "each student has been told.",
                )
            else:
                messages.success(
                    request,
                    f"Removed. The {count} slot{'s' if count != 1 else ''} already booked "
                    "stay as they are.",
                )
            return redirect("meetings:office-hours")
    return render(
        request,
        "meetings/office_hours_remove.html",
        {"office_hours": office_hours, "booked": booked, "problem": problem},
    )


def book_office_hours(request, mentor_pk):
    """A mentor's free slots for one student, and the form to book one."""
    standing = standing_of(request.user, mentor_pk)
    if not standing.may_see:
        raise Http404("Not a mentee of this mentor, nor waiting for their answer.")
    mentor = _mentor_of(standing, mentor_pk)
    form = BookingForm(request.POST or None)
    if request.method == "POST" and not standing.may_book:
        messages.error(request, CLOSED.format(mentor=mentor))
    elif form.is_valid():
        booking = _book(request, form, standing, mentor)
        if booking is not None:
            if booking.meeting_id:
                return redirect("meetings:detail", booking.meeting_id)
            return redirect("meetings:office-hours-book", mentor.pk)
    offered = list(bookable_by(standing, mentor))
    slots = coming_slots(offered, mentor, timezone.now())
    return render(
        request,
        "meetings/office_hours_book.html",
        {
            "mentor": mentor,
            "standing": standing,
            "form": form,
            "days": by_day(slots),
            "has_office_hours": bool(offered),
            "mine": list(_coming_bookings(mentor=mentor, student=request.user)),
            "weeks": WEEKS_AHEAD,
            "mentor_zone": zone_of(mentor).key,
            "own_zone": zone_of(request.user).key,
            "closed_message": CLOSED.format(mentor=mentor),
        },
    )


def _mentor_of(standing, mentor_pk):
    if standing.mentorship:
        return standing.mentorship.mentor
    if standing.request:
        return standing.request.mentor
    return get_object_or_404(User.objects.all(), pk=mentor_pk)


def _book(request, form, standing, mentor):
    office_hours_pk, starts_at = form.cleaned_data["slot"]
    office_hours = bookable_by(standing, mentor).filter(pk=office_hours_pk).first()
    if office_hours is None:
        form.add_error(None, bookings.REMOVED)
        return None
    office_hours.mentor = mentor
    try:
        booking = bookings.book(request.user, office_hours, starts_at, form.cleaned_data["agenda"])
    except BookingProblem as problem:
        form.add_error(None, str(problem))
        return None
    when = timezone.localtime(booking.starts_at)
    if booking.meeting_id:
        messages.success(request, f"Booked: {when:%a %d %b, %H:%M}. {mentor} has been told.")
    else:
        messages.success(
            request,
            f"Booked: {when:%a %d %b, %H:%M}. {mentor} has been told. If they accept your "
            "request, this becomes your first meeting.",
        )
    return booking


def _back(booking, user):
    if user.pk == booking.mentor_id:
        return reverse("meetings:office-hours")
    if booking.is_held_on_request:
        return reverse("mentorships:requests")
    return reverse("meetings:office-hours-book", args=[booking.mentor_id])


def cancel_booking(request, pk):
    booking = get_object_or_404(
        Booking.objects.visible_to(request.user).select_related("mentor", "student"), pk=pk
    )
    if request.method == "POST":
        try:
            bookings.cancel(booking, request.user)
        except BookingProblem as problem:
            messages.error(request, str(problem))
        else:
            partner = booking.partner_of(request.user)
            messages.success(
                request, f"Cancelled. The slot is free again; {partner} has been told."
            )
        return redirect(_back(booking, request.user))
    if booking.status != Booking.Status.BOOKED or booking.starts_at <= timezone.now():
        messages.error(request, "This booking can no longer be cancelled.")
        return redirect(_back(booking, request.user))
    return render(
        request,
        "meetings/office_hours_cancel.html",
        {
            "booking": booking,
            "partner": booking.partner_of(request.user),
            "back": _back(booking, request.user),
        },
    )


@require_safe
def booking_ics(request, pk):
    """The calendar entry of a booking held on a request (a mentee's booking is a meeting,
    with the meeting's own entry)."""
    booking = get_object_or_404(
        Booking.objects.visible_to(request.user)
        .holding()
        .filter(meeting=None)
        .select_related("mentor", "student", "request"),
        pk=pk,
    )
    response = HttpResponse(
        calendar.to_ical(
            [], "Office hours", request.user, calendar.site_root(request), bookings=[booking]
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="office-hours-{booking.pk}.ics"'
    return response
