"""The project's URLs plus one view that fails while handling what a person wrote, for
test_sentry.py: the error report must carry neither the words nor the address."""

from django.urls import path

from mentoring.urls import urlpatterns as project_urls


def fail_while_sending(request):
    words = request.POST["text"]  # a local variable the report must not carry
    raise RuntimeError(f"No mailbox for {request.user.email} ({len(words)} characters)")


urlpatterns = [path("failing/", fail_while_sending), *project_urls]
