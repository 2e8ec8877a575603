from django.contrib import admin

from mentoring.mentorships.models import (
    ExpectationChange,
    Mentorship,
    MentorshipEvent,
    MentorshipRequest,
)


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "mentee", "status", "started_on", "last_contact_at"]
    list_filter = ["status"]
    search_fields = ["mentor__display_name", "mentee__display_name"]
    list_select_related = ["mentor", "mentee"]
    autocomplete_fields = ["mentor", "mentee"]
    # The closing reflection is the pair's own words (DESIGN.md): not for staff.
    exclude = ["closing_reflection"]
    readonly_fields = ["last_contact_at", "next_meeting_at", "closed_by", "closed_at"]


@admin.register(MentorshipRequest)
class MentorshipRequestAdmin(admin.ModelAdmin):
    list_display = ["kind", "mentee", "mentor", "status", "created_at", "answered_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["mentor", "mentee"]
    search_fields = ["mentor__display_name", "mentee__display_name"]
    # Messages are private to the two people (DESIGN.md); staff see dates and status only.
    fields = ["kind", "mentee", "mentor", "status", "created_at", "answered_at", "since_on"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(ExpectationChange)
class ExpectationChangeAdmin(admin.ModelAdmin):
    list_display = ["mentorship", "proposed_by", "status", "created_at"]
    list_filter = ["status"]
    exclude = ["note"]
    raw_id_fields = ["mentorship", "proposed_by"]


@admin.register(MentorshipEvent)
class MentorshipEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "mentorship"]
    list_filter = ["kind"]
    fields = ["mentorship", "kind", "by", "summary", "at"]
    readonly_fields = fields
    list_select_related = ["mentorship__mentor", "mentorship__mentee"]

    def has_add_permission(self, request):
        return False
