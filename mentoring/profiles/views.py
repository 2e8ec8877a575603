from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from mentoring.profiles.roles import Role, add_roles


@require_POST
def add_role(request):
    role = request.POST.get("role")
    if role not in Role.values:
        messages.error(request, "Choose mentee or mentor.")
        return redirect("accounts:settings")
    add_roles(request.user, [role])
    messages.success(request, f"Added: {Role(role).label}.")
    return redirect("home")
