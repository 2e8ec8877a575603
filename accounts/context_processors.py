from django.conf import settings


def sign_in(request):
    """Whether password sign-in and sign-up are offered (menus, the sign-in page)."""
    return {"sso_only": settings.SSO_ONLY, "sso_name": settings.SSO_NAME}
