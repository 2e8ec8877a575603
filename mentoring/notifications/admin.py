from django.contrib import admin

from mentoring.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "title", "email_status", "email_attempts"]
    list_filter = ["email_status", "kind"]
    search_fields = ["recipient__email", "title"]
    list_select_related = ["recipient"]
    # Bodies can quote a partner's words, so staff see delivery state, not content.
    fields = [
        "recipient",
        "kind",
        "title",
        "url",
        "created_at",
        "read_at",
        "email_status",
        "email_attempts",
        "emailed_at",
        "email_error",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
