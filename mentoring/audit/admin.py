"""The audit trails in the admin: staff read them; no one adds, changes or deletes."""

from django.contrib import admin

from mentoring.audit.models import (
    AdminView,
    ConcernRead,
    DeniedAccess,
    FacultyDecision,
    RotationsAdded,
)
from mentoring.lib.admin import ReadOnlyForStaff


@admin.register(DeniedAccess)
class DeniedAccessAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = ["at", "email", "method", "path", "url_name", "status"]
    list_filter = ["status", "method"]
    search_fields = ["email", "path", "url_name"]
    date_hierarchy = "at"
    fields = ["at", "user", "email", "method", "path", "url_name", "status"]
    readonly_fields = fields
    list_select_related = ["user"]


@admin.register(AdminView)
class AdminViewAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = ["at", "email", "model", "object_id"]
    list_filter = ["model"]
    search_fields = ["email", "model", "object_id"]
    date_hierarchy = "at"
    fields = ["at", "user", "email", "model", "object_id", "url_name"]
    readonly_fields = fields
    list_select_related = ["user"]


@admin.register(RotationsAdded)
class RotationsAddedAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = ["at", "email", "student", "clerkship", "rotations"]
    list_filter = ["clerkship"]
    search_fields = ["email", "student__email", "student__display_name", "clerkship"]
    date_hierarchy = "at"
    fields = ["at", "user", "email", "student", "clerkship", "rotations"]
    readonly_fields = fields
    list_select_related = ["student"]


@admin.register(FacultyDecision)
class FacultyDecisionAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = ["at", "email", "mentor_email", "decision"]
    list_filter = ["decision"]
    search_fields = ["email", "mentor_email"]
    date_hierarchy = "at"
    fields = ["at", "user", "email", "mentor", "mentor_email", "decision"]
    readonly_fields = fields
    list_select_related = ["user"]


@admin.register(ConcernRead)
class ConcernReadAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = ["at", "email", "concern_id"]
    search_fields = ["email", "concern_id"]
    date_hierarchy = "at"
    fields = ["at", "user", "email", "concern_id"]
    readonly_fields = fields
    list_select_related = ["user"]
