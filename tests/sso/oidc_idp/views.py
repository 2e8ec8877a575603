"""The test provider's sign-in form and the claims it issues, from people.json."""

import json

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.models import User
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.oauth2_validators import OAuth2Validator

FORM = """<!doctype html><title>University sign-in</title><h1>University sign-in</h1>
<form method="post"><input type="hidden" name="next" value="{next}">
<label>Username <input name="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Sign in at the university</button></form><p>{error}</p>"""


def people():
    return json.loads((settings.IDP_DIR / "people.json").read_text())


@csrf_exempt
def sign_in(request):
    next_url = request.POST.get("next") or request.GET.get("next", "/")
    if request.method == "POST":
        username = request.POST.get("username", "")
        person = people().get(username)
        if person and person["password"] == request.POST.get("password"):
            user, _ = User.objects.get_or_create(username=username)
            login(request, user)
            return HttpResponseRedirect(next_url)
        return HttpResponse(FORM.format(next=escape(next_url), error="Wrong password"))
    return HttpResponse(FORM.format(next=escape(next_url), error=""))


class Validator(OAuth2Validator):
    # Every claim a person has, whatever the scopes asked (a university's release policy).
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        return {"sub": request.user.username, **people()[request.user.username]["claims"]}

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, expiration = super().get_id_token_dictionary(token, token_handler, request)
        person = people()[request.user.username]
        # For the refusal tests: a token meant for another client, or already expired.
        if "audience" in person:
            claims["aud"] = person["audience"]
        if "expires_in" in person:
            claims["exp"] = int(claims["iat"]) + person["expires_in"]
        return claims, expiration

    def validate_redirect_uri(self, client_id, redirect_uri, request, *args, **kwargs):
        # The site under test runs on the test client's host or a live server's port.
        return redirect_uri.startswith(
            ("http://testserver/", "http://127.0.0.1:", "http://localhost:")
        )
