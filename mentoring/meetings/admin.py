"""Meetings in the admin: dates, counts and states for operations, never what was said.

DESIGN.md: the agenda, shared notes and action items are the pair's; a private note is its
author's alone. So no text field is listed, shown, searched or reachable through a form, and
rows whose __str__ is their text (ActionItem) are never rendered one by one.
"""

from django.contrib import admin

from mentoring.meetings.models import (
    ActionItem,
    Booking,
    CalendarFeed,
    Meeting,
    OfficeHours,
    PrivateNote,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows are written by the pair's own actions, which keep the mentorship's contact dates
    true; staff look, and change nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "minutes", "mode", "status", "mentorship"]
    list_filter = ["status", "mode"]
    list_select_related = ["mentorship__mentor", "mentorship__mentee"]
    search_fields = ["mentorship__mentor__display_name", "mentorship__mentee__display_name"]
    date_hierarchy = "starts_at"
    fields = ["mentorship", "status", "starts_at", "minutes", "mode", "created_at", "held_at"]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        # Deleting lists the related rows by name, and an action item's name is its text.
        return False


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnlyAdmin):
    list_display = ["id", "meeting", "owner", "due_on", "done_at"]
    list_filter = ["owner"]
    list_select_related = ["meeting__mentorship__mentor", "meeting__mentorship__mentee"]
    # A list without links or bulk actions: a change, history or delete page would show
    # str(item), which is its text.
    list_display_links = None
    actions = None
    fields = ["meeting", "owner", "due_on", "done_at", "created_at"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return obj is None and super().has_view_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PrivateNote)
class PrivateNoteAdmin(ReadOnlyAdmin):
    list_display = ["id", "meeting", "author", "updated_at"]
    list_select_related = ["author", "meeting__mentorship__mentor", "meeting__mentorship__mentee"]
    fields = ["id", "meeting", "author", "updated_at"]
    readonly_fields = fields


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    """Deleting a feed cuts its calendar link; the token itself is never shown."""

    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__display_name", "user__email"]
    fields = ["user", "created_at"]
    readonly_fields = fields


@admin.register(OfficeHours)
class OfficeHoursAdmin(ReadOnlyAdmin):
    """A mentor's published times; they change them on their own page."""

    list_display = ["mentor", "weekday", "start_time", "end_time", "slot_minutes", "mode"]
    list_filter = [
        "weekday",
        "mode",
        "is_open_to_requests",
        ("removed_at", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["mentor"]
    search_fields = ["mentor__display_name"]
    fields = [
        "mentor",
        "weekday",
        "start_time",
        "end_time",
        "slot_minutes",
        "mode",
        "is_open_to_requests",
        "created_at",
        "removed_at",
    ]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        # Removing them is the mentor's, on their page, which tells the students booked.
        return False


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    """Who booked when, and its state: never what the student wrote (the agenda)."""

    list_display = ["starts_at", "minutes", "mentor", "student", "status"]
    list_filter = ["status", "mode"]
    list_select_related = ["mentor", "student"]
    search_fields = ["mentor__display_name", "student__display_name"]
    date_hierarchy = "starts_at"
    fields = [
        "mentor",
        "student",
        "status",
        "starts_at",
        "minutes",
        "mode",
        "mentorship",
        "request",
        "meeting",
        "created_at",
        "cancelled_at",
    ]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return False
