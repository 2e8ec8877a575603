import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.views.defaults import server_error

OUR_APPS = {
    "accounts",
    "notifications",
    "profiles",
    "clerkships",
    "mentorships",
    "goals",
    "meetings",
    "feedback",
}


def test_every_model_is_in_the_admin():
    missing = [
        model.__name__
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and not model._meta.auto_created
        and model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.django_db
def test_admin_changelists_open_for_staff(client, staff, mentor, mentee):
    client.force_login(staff)
    for model in admin.site._registry:
        if model._meta.app_label in OUR_APPS:
            url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            assert client.get(url).status_code == 200, url


def test_500_page_is_friendly_and_self_contained():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
