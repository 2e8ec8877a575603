import re

import pytest
from django.core import signing
from django.test import Client

from mentoring.notifications import preferences
from mentoring.notifications.models import Category, EmailChoice, Notification
from mentoring.notifications.services import notify


def choices_of(user):
    return {c: v for c, v in preferences.choices_of(user).items() if v != EmailChoice.IMMEDIATE}


@pytest.fixture
def link_from_email(mentor, django_capture_on_commit_callbacks, mailoutbox):
    """The path of the "Stop e-mails like this" link in a real request e-mail to the mentor."""
    with django_capture_on_commit_callbacks(execute=True):
        notify(mentor, "request.new", "Sam asked you to be their mentor")
    url = re.search(r"Stop e-mails like this: (\S+)", mailoutbox[-1].body).group(1)
    assert mailoutbox[-1].extra_headers["List-Unsubscribe"] == f"<{url}>"
    return url.removeprefix("http://testserver")


@pytest.mark.django_db
def test_link_from_an_email_works_without_signing_in(
    client, mentor, link_from_email, django_capture_on_commit_callbacks, mailoutbox
):
    page = client.get(link_from_email).content.decode()
    assert "Stop these e-mails?" in page and "Requests and invitations" in page
    assert choices_of(mentor) == {}  # looking changes nothing

    response = client.post(link_from_email)
    assert response.status_code == 302
    assert choices_of(mentor) == {Category.REQUESTS: EmailChoice.OFF}
    page = client.get(response["Location"]).content.decode()
    assert "We will not e-mail you about requests and invitations any more." in page

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify(mentor, "invitation.new", "Another request")
    assert mailoutbox == []
    assert Notification.objects.get(title="Another request").email_status == "skipped"


@pytest.mark.django_db
def test_one_click_post_from_a_mail_client_needs_no_csrf_token(mentor, link_from_email):
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(link_from_email, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 302
    assert choices_of(mentor) == {Category.REQUESTS: EmailChoice.OFF}


@pytest.mark.django_db
def test_tampered_token_gets_a_clear_page_and_changes_nothing(client, mentor, link_from_email):
    token = link_from_email.split("/")[-2]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in (f"/notifications/unsubscribe/{tampered}/", "/notifications/unsubscribe/x/"):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 400
            assert "This link does not work" in response.content.decode()
    assert choices_of(mentor) == {}


@pytest.mark.django_db
def test_another_persons_token_cannot_change_my_choices(client, mentor, outsider):
    # The outsider puts the mentor's id into their own signed token.
    own = preferences.unsubscribe_token(outsider.pk, Category.REQUESTS)
    forged_payload = signing.b64_encode(f'{{"u":{mentor.pk},"c":"requests"}}'.encode()).decode()
    forged = forged_payload + own[own.index(":") :]
    assert client.post(f"/notifications/unsubscribe/{forged}/").status_code == 400
    # A token signed with another salt (say, another feature's) is refused too.
    other = signing.Signer(salt="elsewhere").sign_object({"u": mentor.pk, "c": "requests"})
    assert client.post(f"/notifications/unsubscribe/{other}/").status_code == 400
    assert choices_of(mentor) == {}


@pytest.mark.django_db
def test_the_token_decides_whose_choice_changes_not_who_is_signed_in(
    client, mentor, outsider, link_from_email
):
    client.force_login(outsider)
    client.post(link_from_email)  # the mentor's link, opened by someone else
    assert choices_of(mentor) == {Category.REQUESTS: EmailChoice.OFF}
    assert choices_of(outsider) == {}


@pytest.mark.django_db
def test_the_digests_link_stops_the_digest(client, mentor):
    preferences.choose(
        mentor, {Category.REMINDERS: EmailChoice.DIGEST, Category.FEEDBACK: EmailChoice.DIGEST}
    )
    path = preferences.unsubscribe_url(mentor.pk, preferences.DIGEST_SCOPE)
    path = path.removeprefix("http://testserver")
    page = client.get(path).content.decode()
    assert "Stop the daily digest" in page and "Reminders" in page and "Feedback and goals" in page
    client.post(path)
    assert choices_of(mentor) == {
        Category.REMINDERS: EmailChoice.OFF,
        Category.FEEDBACK: EmailChoice.OFF,
    }
    assert "The daily digest is stopped" in client.get(path).content.decode()


@pytest.mark.django_db
def test_unsubscribe_answers_only_get_and_post(client, link_from_email):
    assert client.put(link_from_email).status_code == 405
