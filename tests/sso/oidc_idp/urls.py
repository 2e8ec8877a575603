from django.urls import include, path

from tests.sso.oidc_idp import views

urlpatterns = [
    path("login/", views.sign_in),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
