"""Sessions are read with one statement of SQL (accounts/sessions.py) and behave as Django's."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.sessions import SessionStore
from tests.factories import make_user


@pytest.mark.django_db
def test_a_signed_in_person_stays_signed_in_from_page_to_page(client):
    client.force_login(make_user(display_name="Dr. Ada Stone"))
    for _ in range(2):
        response = client.get("/home/")
        assert response.status_code == 200
        assert "Welcome, Dr. Ada Stone" in response.content.decode()


@pytest.mark.django_db
def test_a_saved_session_reads_back_what_was_kept():
    store = SessionStore()
    store["next_step"] = "ask Dr. Stone"
    store.save()
    assert SessionStore(store.session_key)["next_step"] == "ask Dr. Stone"


@pytest.mark.django_db
def test_an_expired_session_signs_the_person_out_and_is_not_reused(client):
    client.force_login(make_user())
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    store = SessionStore(key)
    assert store.load() == {}
    # Saving now makes a new key rather than bringing the expired one back.
    assert store.session_key is None


@pytest.mark.django_db
def test_an_unknown_key_reads_as_an_empty_session():
    assert SessionStore("x" * 32).load() == {}
