class ReadOnlyForStaff:
    """An audit trail in the admin: active staff read it; no one adds, changes or deletes a
    row, superusers included, since a trail someone can edit proves nothing."""

    actions = None

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
