from django.contrib import admin

from mentoring.notifications.models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "recipient",
        "kind",
        "title",
        "email_status",
        "email_not_before",
        "email_attempts",
    ]
    list_filter = ["email_status", "kind"]
    search_fields = ["recipient__email", "title"]
    list_select_related = ["recipient"]
    # Bodies can quote a partner's words, so staff see delivery state, not content.
    fields = [
        "recipient",
        "kind",
        "category",
        "title",
        "url",
        "created_at",
        "read_at",
        "email_status",
        "email_not_before",
        "email_attempts",
        "emailed_at",
        "email_error",
    ]
    readonly_fields = fields

    @admin.display(description="E-mail category")
    def category(self, notification):
        return notification.category.label

    def has_add_permission(self, request):
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "category", "choice", "updated_at"]
    list_filter = ["category", "choice"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    fields = ["user", "category", "choice", "updated_at"]
    readonly_fields = ["updated_at"]
