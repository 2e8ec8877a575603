"""Sessions: rows in django_session, written by Django's database engine and read by
accounts/sessions.py with one statement (the engine used until 2026-12 read the same rows
with a private override)."""

import datetime
import time
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session

from accounts.sessions import session_data
from tests.factories import make_user

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


@pytest.mark.django_db
def test_a_signed_in_person_stays_signed_in_from_page_to_page(client):
    client.force_login(make_user(display_name="Dr. Ada Stone"))
    for _ in range(2):
        response = client.get("/home/")
        assert response.status_code == 200
        assert "Welcome, Dr. Ada Stone" in response.content.decode()


@pytest.mark.django_db
def test_a_session_from_before_the_upgrade_stays_signed_in(client):
    # Written by the engine used until now (database sessions): the row alone must do.
    person = make_user(display_name="Dr. Ben Okafor")
    old = db.SessionStore()
    old[SESSION_KEY] = str(person.pk)
    old[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    old[HASH_SESSION_KEY] = person.get_session_auth_hash()
    old.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = old.session_key
    response = client.get("/home/")
    assert response.status_code == 200
    assert "Welcome, Dr. Ben Okafor" in response.content.decode()


@pytest.mark.django_db
def test_signing_out_ends_the_session_for_anyone_holding_its_cookie(client):
    client.force_login(make_user())
    assert client.get("/home/").status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.post("/accounts/logout/").status_code == 302

    client.cookies[settings.SESSION_COOKIE_NAME] = key  # a copy of the old cookie
    response = client.get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Session.objects.filter(session_key=key).exists()


@pytest.mark.django_db
def test_a_saved_session_reads_back_what_was_kept():
    store = SessionStore()
    store["next_step"] = "ask Dr. Stone"
    store.save()
    assert SessionStore(store.session_key)["next_step"] == "ask Dr. Stone"
    assert db.SessionStore(store.session_key)["next_step"] == "ask Dr. Stone"


@pytest.mark.django_db
def test_an_expired_session_signs_the_person_out_and_is_not_reused(client):
    client.force_login(make_user())
    session = client.session
    session.set_expiry(datetime.timedelta(seconds=1))
    session.save()
    key = session.session_key
    assert client.get("/home/").status_code == 200
    time.sleep(2.1)

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


@pytest.mark.django_db
def test_the_statement_reads_what_the_orm_reads_on_varied_rows():
    now = datetime.datetime.now(datetime.UTC)
    for index, ahead in enumerate([-3600, -1, 5, 3600, 86_400 * 14, None]):
        store = db.SessionStore()
        store["n"] = index
        store.save()
        if ahead is not None:
            Session.objects.filter(pk=store.session_key).update(
                expire_date=now + datetime.timedelta(seconds=ahead)
            )
    keys = [*Session.objects.values_list("pk", flat=True), "x" * 32, "", None]
    for key in keys:
        row = Session.objects.filter(
            session_key=key, expire_date__gt=datetime.datetime.now(datetime.UTC)
        ).first()
        assert session_data(Session, key) == (row.session_data if row else None)
    assert 0 < Session.objects.filter(expire_date__gt=now).count() < len(keys)


@pytest.mark.django_db
def test_a_made_up_key_is_never_given_to_a_new_session():
    store = SessionStore("made-up-by-someone-else-0123456789")
    assert store.load() == {}
    store["chosen"] = True
    store.save()
    assert store.session_key != "made-up-by-someone-else-0123456789"
    assert not Session.objects.filter(pk="made-up-by-someone-else-0123456789").exists()
