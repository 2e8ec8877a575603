"""The access audit in the admin: staff read it; no one adds, changes or deletes a row."""

from django.contrib import admin

from mentoring.dashboards.models import AccessLog
from mentoring.lib.admin import ReadOnlyForStaff


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyForStaff, admin.ModelAdmin):
    list_display = [
        "at",
        "viewer",
        "action",
        "clerkship",
        "programme",
        "subject_user",
        "period_start",
        "period_end",
    ]
    list_filter = ["action", "clerkship", "programme"]
    list_select_related = ["viewer", "clerkship", "programme", "subject_user"]
    search_fields = ["viewer__display_name", "viewer__email", "subject_user__display_name"]
    date_hierarchy = "at"
    fields = [
        "at",
        "viewer",
        "action",
        "clerkship",
        "programme",
        "subject_user",
        "period_start",
        "period_end",
    ]
    readonly_fields = fields
