"""Keep private pages out of browser and proxy caches."""


class NoStoreForSignedInMiddleware:
    """Every answer to a signed-in person is `Cache-Control: no-store, private`: their pages
    hold goals and mentoring notes that must not outlive the session on a shared ward computer
    (back button after sign-out) or sit in a proxy.

    A view that sets its own Cache-Control keeps it (the calendar feed, which answers to its
    token and is read by calendar apps that never sign in). Static files never get here:
    whitenoise answers them earlier in MIDDLEWARE. Anonymous pages (the landing page, sign-in)
    are left to their defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Read after the view ran: signing in or out changes request.user.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        return response
