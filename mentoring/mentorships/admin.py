from django.contrib import admin

from mentoring.mentorships.models import Mentorship


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "mentee", "status", "started_on", "last_contact_at"]
    list_filter = ["status"]
    search_fields = ["mentor__display_name", "mentee__display_name"]
    list_select_related = ["mentor", "mentee"]
    autocomplete_fields = ["mentor", "mentee"]
