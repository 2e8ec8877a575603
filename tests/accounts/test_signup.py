import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from mentoring.profiles.models import MenteeProfile, MentorProfile
from tests.factories import make_user

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "email": "new.student@med.example.edu",
        "display_name": "Priya Raman",
        "roles": ["mentee"],
        "password1": "stethoscope-lantern-42",
        "password2": "stethoscope-lantern-42",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signup_page_asks_for_roles(client):
    page = client.get(SIGNUP).content.decode()
    assert "I&#x27;m looking for mentors" in page
    assert "I mentor learners" in page


@pytest.mark.django_db
def test_student_signs_up_as_mentee_and_must_verify_email(client, mailoutbox):
    response = client.post(SIGNUP, signup_data())

    user = User.objects.get(email="new.student@med.example.edu")
    assert user.display_name == "Priya Raman"
    assert MenteeProfile.objects.filter(user=user).exists()
    assert not MentorProfile.objects.filter(user=user).exists()
    # Verification is mandatory with DEBUG off: no session yet, a confirmation e-mail instead.
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert mailoutbox[0].to == ["new.student@med.example.edu"]
    assert not EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_resident_signs_up_with_both_roles(client):
    client.post(SIGNUP, signup_data(email="resident@med.example.edu", roles=["mentee", "mentor"]))
    user = User.objects.get(email="resident@med.example.edu")
    assert MenteeProfile.objects.filter(user=user).exists()
    assert MentorProfile.objects.filter(user=user).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": "not-an-email"}, "Enter a valid e-mail address."),
        ({"password1": "short", "password2": "short"}, "This password is too short."),
        ({"password2": "something-else-entirely"}, "You must type the same password each time."),
        ({"roles": []}, "Choose at least one: looking for mentors, mentoring, or both."),
        ({"display_name": ""}, "This field is required."),
    ],
)
def test_bad_signup_says_what_is_wrong_and_creates_nothing(client, overrides, message):
    response = client.post(SIGNUP, signup_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_email_already_taken_in_any_case_is_refused(client):
    make_user(email="taken@med.example.edu")
    response = client.post(SIGNUP, signup_data(email="Taken@Med.Example.edu"))
    assert "A user is already registered with this e-mail address." in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_signup_limited_to_school_domains(client, settings):
    settings.SIGNUP_EMAIL_DOMAINS = ["med.example.edu"]
    response = client.post(SIGNUP, signup_data(email="someone@gmail.example.com"))
    assert (
        "Sign-up is open to school addresses only: @med.example.edu." in response.content.decode()
    )
    assert not User.objects.exists()

    client.post(SIGNUP, signup_data(email="someone@med.example.edu"))
    assert User.objects.filter(email="someone@med.example.edu").exists()


@pytest.mark.django_db
def test_verified_user_signs_in_with_email(client):
    user = make_user(email="verified@med.example.edu", password="stethoscope-lantern-42")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/",
        {"login": "VERIFIED@med.example.edu", "password": "stethoscope-lantern-42"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/home/"
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    user = make_user(email="verified@med.example.edu", password="stethoscope-lantern-42")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/", {"login": "verified@med.example.edu", "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert "The e-mail address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
