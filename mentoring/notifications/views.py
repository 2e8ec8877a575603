import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from mentoring.notifications import preferences
from mentoring.notifications.forms import EmailPreferencesForm
from mentoring.notifications.models import EmailChoice, Notification


def inbox(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@require_POST
def open_notification(request, pk):
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    notification.mark_read()
    safe = url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None)
    return redirect(notification.url if notification.url and safe else "notifications:inbox")


@require_POST
def mark_all_read(request):
    Notification.objects.for_user(request.user).unread().update(read_at=timezone.now())
    return redirect("notifications:inbox")


def email_settings(request):
    form = EmailPreferencesForm(request.POST or None, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your e-mail settings are saved.")
        return redirect("notifications:settings")
    hours = preferences.quiet_hours()
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "quiet_hours": [datetime.time(hour) for hour in hours] if hours else None,
            "digest_at": datetime.time(preferences.digest_hour()),
        },
    )


@login_not_required  # mail clients and people reading mail on a phone are not signed in
@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a CSRF token; the token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows what the link stops, POST stops it. Whoever is signed in does not matter:
    the signed token names the person."""
    try:
        user_id, scope = preferences.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    person = get_object_or_404(get_user_model(), pk=user_id)
    categories = preferences.categories_in_scope(person, scope)
    if request.method == "POST":
        preferences.choose(person, dict.fromkeys(categories, EmailChoice.OFF))
        return redirect(request.path)
    choices = preferences.choices_of(person)
    return render(
        request,
        "notifications/unsubscribe.html",
        {
            "is_digest": scope == preferences.DIGEST_SCOPE,
            "categories": categories,
            "stopped": all(choices[c] == EmailChoice.OFF for c in categories),
        },
    )
