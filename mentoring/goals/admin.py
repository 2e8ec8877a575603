"""Goals in the admin: numbers, kinds, statuses and dates only.

Goals are private to the mentee and the mentors they chose (DESIGN.md), and their __str__
is the title, so no page here may print the object itself: the change and history pages
get a neutral name in place of it, and nothing is editable (no log entry records a title).
"""

from django.contrib import admin

from mentoring.goals.models import Goal, GoalUpdate


class Reference:
    """Stands in for a row where the admin's templates would print str(row)."""

    def __init__(self, opts, pk):
        self.pk = pk
        self.label = f"{opts.verbose_name.capitalize()} #{pk}"

    def __str__(self):
        return self.label


class PrivateTextAdmin(admin.ModelAdmin):
    """Read-only, searchable by nothing typed, and never showing the row's __str__."""

    def _name(self, object_id):
        return Reference(self.opts, object_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        name = self._name(object_id)
        extra_context = {**(extra_context or {}), "subtitle": str(name), "original": name}
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        name = self._name(object_id)
        extra_context = {
            **(extra_context or {}),
            "title": f"Change history: {name}",
            "object": name,
        }
        return super().history_view(request, object_id, extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Goal)
class GoalAdmin(PrivateTextAdmin):
    list_display = ["id", "mentee_ref", "kind", "status", "target_on", "created_at", "updated_at"]
    list_display_links = ["id"]
    list_filter = ["kind", "status"]
    date_hierarchy = "created_at"
    fields = ["id", "mentee_ref", "kind", "status", "target_on", "created_at", "updated_at"]
    readonly_fields = fields

    @admin.display(description="mentee id", ordering="mentee_id")
    def mentee_ref(self, goal):
        return goal.mentee_id


@admin.register(GoalUpdate)
class GoalUpdateAdmin(PrivateTextAdmin):
    list_display = ["id", "goal_ref", "status", "created_at"]
    list_display_links = ["id"]
    list_filter = ["status"]
    fields = ["id", "goal_ref", "status", "created_at"]
    readonly_fields = fields

    @admin.display(description="goal id", ordering="goal_id")
    def goal_ref(self, update):
        return update.goal_id
