from django.contrib import admin

from mentoring.programmes.models import Programme, Stage


class StageInline(admin.TabularInline):
    """The programme's stages in order: position sets it (1, 2, 3...)."""

    model = Stage
    fields = ["position", "name", "is_early"]
    ordering = ["position", "pk"]
    extra = 1


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    search_fields = ["name"]
    # Coordinators see their programme's students and figures, ombudspeople the concerns
    # sent to them: staff alone assign both.
    filter_horizontal = ["coordinators", "ombudspeople"]
    inlines = [StageInline]
