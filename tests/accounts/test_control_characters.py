"""Names and addresses reach e-mail headers (a notification's subject, To): a line break
there made every such e-mail fail with BadHeaderError, so they refuse control characters."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from accounts.models import User
from tests.accounts.test_signup import SIGNUP, signup_data
from tests.factories import make_user

MESSAGE = "Remove line breaks and other control characters from this field."
# In the middle: a form strips them from the ends, which is harmless.
BAD_NAMES = ["Maya\nBcc: all@med.example.edu", "Maya\rPatel", "Maya\x00Patel", "Maya\tPatel"]
migration = importlib.import_module("accounts.migrations.0003_clean_control_characters")


def page_text(response):
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
@pytest.mark.parametrize("name", BAD_NAMES)
def test_account_settings_refuse_a_name_with_control_characters(client, name):
    user = make_user(display_name="Maya Patel", time_zone="America/Chicago")
    client.force_login(user)
    response = client.post("/account/settings/", {"display_name": name, "time_zone": "UTC"})
    assert response.status_code == 200
    assert MESSAGE in page_text(response)
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("Maya Patel", "America/Chicago")
    # Letters of any script are no control characters: the corrected name is saved.
    client.post("/account/settings/", {"display_name": "Zoë Ó Dálaigh-李", "time_zone": "UTC"})
    user.refresh_from_db()
    assert user.display_name == "Zoë Ó Dálaigh-李"


@pytest.mark.django_db
@pytest.mark.parametrize("name", BAD_NAMES)
def test_signup_refuses_a_name_with_control_characters(client, name):
    response = client.post(SIGNUP, signup_data(display_name=name))
    assert response.status_code == 200
    assert MESSAGE in page_text(response)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_admin_change_form_refuses_a_name_with_control_characters(client, staff):
    user = make_user(email="maya@med.example.edu", display_name="Maya Patel")
    client.force_login(staff)
    response = client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "email": "maya@med.example.edu",
            "display_name": "Maya\r\nPatel",
            "time_zone": "UTC",
            "is_active": "on",
            "date_joined_0": "2026-01-05",
            "date_joined_1": "09:00:00",
        },
    )
    assert response.status_code == 200
    assert MESSAGE in page_text(response)
    user.refresh_from_db()
    assert user.display_name == "Maya Patel"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Maya\nPatel", "Maya\x00Patel"])
def test_admin_add_form_refuses_a_name_with_control_characters(client, staff, name):
    client.force_login(staff)
    response = client.post(
        "/admin/accounts/user/add/",
        {"email": "maya@med.example.edu", "display_name": name, "usable_password": "false"},
    )
    assert response.status_code == 200
    assert MESSAGE in page_text(response)
    assert not User.objects.exclude(pk=staff.pk).exists()


@pytest.mark.django_db
def test_model_validation_refuses_control_characters_in_the_address():
    # Forms refuse such an address already as invalid; this covers full_clean() callers.
    user = User(email="maya@med.example.edu\u2028bcc@x.example", display_name="Maya Patel")
    with pytest.raises(ValidationError) as refused:
        user.full_clean()
    assert MESSAGE in refused.value.message_dict["email"]


@pytest.mark.django_db
def test_migration_cleans_names_written_before():
    dirty = make_user(display_name="Maya \r\n Patel\u2028\t")
    only_controls = make_user(display_name="\n")
    clean = make_user(display_name="Dr. Ines Alvarez")
    migration.clean_users(apps, None)
    names = dict(User.objects.values_list("pk", "display_name"))
    assert names[dirty.pk] == "Maya Patel"
    assert names[only_controls.pk] == ""  # str(user) falls back to the address
    assert names[clean.pk] == "Dr. Ines Alvarez"


@pytest.mark.django_db
def test_migration_cleans_addresses_unless_the_result_is_taken():
    dirty = make_user(email="maya@med.\nexample.edu")
    make_user(email="sam@med.example.edu")
    clash = make_user(email="sam@med.example\r.edu")
    migration.clean_users(apps, None)
    emails = dict(User.objects.values_list("pk", "email"))
    assert emails[dirty.pk] == "maya@med.example.edu"
    assert emails[clash.pk] == "sam@med.example\r.edu"
