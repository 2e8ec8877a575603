from django.contrib import admin, messages
from django.db import transaction

from mentoring.notifications.delivery import outbox_status
from mentoring.notifications.models import Notification, NotificationPreference
from mentoring.notifications.services import enqueue_delivery


class BackedUpFilter(admin.SimpleListFilter):
    """Rows that should have left by now: what to look at when mail seems stuck."""

    title = "delivery"
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [("backlog", "Due and not sent yet"), ("retrying", "Retrying after a failure")]

    def queryset(self, request, queryset):
        if self.value() == "backlog":
            return queryset.backlog()
        if self.value() == "retrying":
            return queryset.filter(email_status=Notification.EmailStatus.PENDING).exclude(
                email_deadline=None
            )
        return queryset


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
    list_filter = ["email_status", BackedUpFilter, "kind"]
    actions = ["send_again"]
    search_fields = ["recipient__email", "title"]
    list_select_related = ["recipient"]
    # Bodies can quote a partner's words (a message's, for a recipient who chose e-mails with
    # the text), so staff see delivery state, never the body, of any row.
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
        "email_deadline",
        "emailed_at",
        "email_error",
    ]
    readonly_fields = fields

    def changelist_view(self, request, extra_context=None):
        outbox = outbox_status()  # the figures /readyz/ reports, counted one way
        if outbox["backlog"]:
            self.message_user(
                request,
                f"{outbox['backlog']} e-mail(s) due and not sent yet; the oldest has been due "
                f"for {int(outbox['oldest_due_minutes'])} minute(s).",
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    @admin.action(description="Send the e-mail again (failed rows only)")
    def send_again(self, request, queryset):
        ids = list(
            queryset.filter(email_status=Notification.EmailStatus.FAILED).values_list(
                "pk", flat=True
            )
        )
        with transaction.atomic():
            count = Notification.objects.filter(pk__in=ids).send_again()
            transaction.on_commit(lambda: enqueue_delivery(ids) if ids else None)
        skipped = queryset.count() - count
        note = f" {skipped} selected row(s) had not failed and were left alone." if skipped else ""
        self.message_user(request, f"{count} e-mail(s) put back in the outbox.{note}")

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
