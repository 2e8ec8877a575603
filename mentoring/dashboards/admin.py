"""The access audit in the admin: staff read it; no one adds, changes or deletes a row."""

from django.contrib import admin

from mentoring.dashboards.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = [
        "at",
        "viewer",
        "action",
        "clerkship",
        "subject_user",
        "period_start",
        "period_end",
    ]
    list_filter = ["action", "clerkship"]
    list_select_related = ["viewer", "clerkship", "subject_user"]
    search_fields = ["viewer__display_name", "viewer__email", "subject_user__display_name"]
    date_hierarchy = "at"
    fields = ["at", "viewer", "action", "clerkship", "subject_user", "period_start", "period_end"]
    readonly_fields = fields
    actions = None

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
