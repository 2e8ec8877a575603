from django import forms
from django.contrib import admin

from mentoring.profiles.models import (
    Area,
    ContactDetails,
    Department,
    Interest,
    MenteeProfile,
    MentorProfile,
)
from mentoring.profiles.programme_fields import STAGE_OF_ANOTHER


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["name", "key"]
    search_fields = ["name", "key"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "stage_fit", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "department",
        "career_stage",
        "capacity",
        "active_mentee_count",
        "is_accepting",
        "verified_how",
    ]
    list_filter = ["career_stage", "is_accepting", "verified_how", "department", "programmes"]
    search_fields = ["user__email", "user__display_name", "specialty"]
    list_select_related = ["user", "department"]
    autocomplete_fields = ["user", "department", "interests"]
    # Optional identity fields are for their owner only (DESIGN.md), so not shown to staff.
    exclude = ["gender", "gender_self_described", "background"]
    readonly_fields = [
        "active_mentee_count",
        "pending_request_count",
        "availability_asked_at",
        "availability_awaited_since",
        "availability_confirmed_at",
        # Verified as faculty through verification.py (the queue at /verification/), never
        # by editing a column here: that keeps the listing and the audit trail right.
        "verification_asked_at",
        "verified_at",
        "verified_how",
        "verified_by",
        "refused_at",
        "refused_by",
        "refused_reason",
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_search_text()  # interests and areas are saved only now


class MenteeProfileAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        stage, programme = cleaned.get("stage"), cleaned.get("programme")
        if stage is not None and programme is not None and stage.programme_id != programme.pk:
            self.add_error(
                "stage",
                STAGE_OF_ANOTHER.format(stage=stage, other=stage.programme, programme=programme),
            )
        return cleaned


@admin.register(MenteeProfile)
class MenteeProfileAdmin(admin.ModelAdmin):
    form = MenteeProfileAdminForm
    list_display = ["user", "programme", "stage", "graduation_year"]
    list_filter = ["programme", "stage"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user", "programme", "stage"]
    autocomplete_fields = ["user", "interests"]
    exclude = [
        "gender",
        "gender_self_described",
        "background",
        "prefers_shared_gender",
        "prefers_shared_background",
    ]


@admin.register(ContactDetails)
class ContactDetailsAdmin(admin.ModelAdmin):
    """Whose row it is and when it changed; never the details, which are for the person's
    partners in active mentorships only (DESIGN.md). Staff may delete a row (the person
    then shows nothing), not read or write one."""

    list_display = ["user", "updated_at"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__display_name"]
    fields = ["user", "updated_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
