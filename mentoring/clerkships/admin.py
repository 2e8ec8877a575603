from django.contrib import admin

from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation, WaitingRotation


class ClerkshipFacultyInline(admin.TabularInline):
    model = ClerkshipFaculty
    autocomplete_fields = ["faculty"]
    extra = 0


@admin.register(Clerkship)
class ClerkshipAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "department"]
    list_filter = ["programme"]
    list_select_related = ["programme", "department"]
    search_fields = ["name"]
    filter_horizontal = ["coordinators"]
    inlines = [ClerkshipFacultyInline]


@admin.register(ClerkshipFaculty)
class ClerkshipFacultyAdmin(admin.ModelAdmin):
    list_display = ["faculty", "clerkship", "is_grader"]
    list_filter = ["clerkship", "is_grader"]
    list_select_related = ["faculty", "clerkship"]
    autocomplete_fields = ["faculty", "clerkship"]


@admin.register(Rotation)
class RotationAdmin(admin.ModelAdmin):
    list_display = ["student", "clerkship", "starts_on", "ends_on"]
    list_filter = ["clerkship"]
    date_hierarchy = "starts_on"
    search_fields = ["student__email", "student__display_name"]
    list_select_related = ["student", "clerkship"]
    autocomplete_fields = ["student", "clerkship"]


@admin.register(WaitingRotation)
class WaitingRotationAdmin(admin.ModelAdmin):
    """Imported rotations for addresses with no account yet; staff may remove a mistaken one.
    They are made by the import and turned into rotations at sign-up, never edited here."""

    list_display = ["email", "clerkship", "starts_on", "ends_on", "added_by_email", "added_at"]
    list_filter = ["clerkship"]
    search_fields = ["email"]
    list_select_related = ["clerkship"]
    readonly_fields = [
        "email",
        "clerkship",
        "starts_on",
        "ends_on",
        "added_by",
        "added_by_email",
        "added_at",
    ]

    def has_add_permission(self, request):
        return False
