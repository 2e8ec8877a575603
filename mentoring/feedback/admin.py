from django.contrib import admin

from mentoring.feedback.models import Feedback, FeedbackRequest, Reassessment


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Dates and direction only: feedback text is for the two people in the mentorship."""

    list_display = ["created_at", "direction", "mentorship"]
    list_filter = ["direction"]
    fields = ["mentorship", "author", "direction", "created_at"]
    readonly_fields = fields
    list_select_related = ["mentorship__mentor", "mentorship__mentee"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "mentorship", "answered_by"]
    fields = ["mentorship", "created_at", "answered_by"]
    readonly_fields = fields
    list_select_related = ["mentorship__mentor", "mentorship__mentee"]

    def has_add_permission(self, request):
        return False


@admin.register(Reassessment)
class ReassessmentAdmin(admin.ModelAdmin):
    """Completion only: answers are the respondent's (and their partner's, if shared)."""

    list_display = ["kind", "due_on", "created_at", "completed_at", "is_shared"]
    list_filter = ["kind", "is_shared"]
    fields = [
        "mentorship",
        "respondent",
        "kind",
        "due_on",
        "created_at",
        "reminded_at",
        "completed_at",
        "is_shared",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
