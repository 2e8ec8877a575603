from django.contrib import admin

from mentoring.clerkships.models import Clerkship, ClerkshipFaculty, Rotation


class ClerkshipFacultyInline(admin.TabularInline):
    model = ClerkshipFaculty
    autocomplete_fields = ["faculty"]
    extra = 0


@admin.register(Clerkship)
class ClerkshipAdmin(admin.ModelAdmin):
    list_display = ["name", "department"]
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
