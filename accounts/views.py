from django.contrib import messages
from django.shortcuts import redirect, render

from accounts.forms import AccountSettingsForm


def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
