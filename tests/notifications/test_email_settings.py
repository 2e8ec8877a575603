import re

import pytest

from mentoring.notifications.models import Category, EmailChoice, NotificationPreference


def choices_of(user):
    return dict(NotificationPreference.objects.filter(user=user).values_list("category", "choice"))


def checked_on_page(page):
    """{category: choice} as the radio buttons on the page show them."""
    return dict(re.findall(r'name="(\w+)" value="(\w+)"[^>]*checked', page))


def every_category(choice, **overrides):
    return {category: overrides.get(category, choice) for category in Category.values}


@pytest.mark.django_db
def test_inbox_links_to_email_settings(client, mentor):
    client.force_login(mentor)
    assert 'href="/notifications/settings/"' in client.get("/notifications/").content.decode()


@pytest.mark.django_db
def test_settings_page_lists_every_category_with_email_each_one_by_default(
    client, mentor, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(6):
        response = client.get("/notifications/settings/")
    page = response.content.decode()
    assert response.status_code == 200
    for label in ("Requests and invitations", "Meetings and action items", "Reassessments"):
        assert label in page
    assert checked_on_page(page) == every_category(EmailChoice.IMMEDIATE)
    assert "between 21:00 and 07:00" not in page  # quiet hours are off in these tests


@pytest.mark.django_db
def test_settings_page_shows_quiet_hours_in_my_time_zone(client, mentor, settings):
    settings.NOTIFICATION_QUIET_HOURS = (21, 7)
    mentor.time_zone = "Asia/Tokyo"
    mentor.save()
    client.force_login(mentor)
    page = client.get("/notifications/settings/").content.decode()
    assert "We do not e-mail you between 21:00 and 07:00 your time" in page
    assert "Asia/Tokyo" in page
    assert "soon after 07:00 your time" in page


@pytest.mark.django_db
def test_saving_choices_stores_them_and_shows_them_again(
    client, mentor, django_assert_max_num_queries
):
    client.force_login(mentor)
    choices = every_category(
        EmailChoice.IMMEDIATE, reminders=EmailChoice.DIGEST, other=EmailChoice.OFF
    )
    with django_assert_max_num_queries(6):
        response = client.post("/notifications/settings/", choices)
    assert response.status_code == 302
    assert choices_of(mentor) == choices

    page = client.get(response["Location"]).content.decode()
    assert "Your e-mail settings are saved." in page
    assert checked_on_page(page) == choices

    client.post("/notifications/settings/", every_category(EmailChoice.IMMEDIATE))
    assert choices_of(mentor) == every_category(EmailChoice.IMMEDIATE)  # updated, not added
    assert NotificationPreference.objects.filter(user=mentor).count() == len(Category)


@pytest.mark.django_db
def test_bad_choice_is_refused_with_a_message_and_nothing_saved(client, mentor):
    client.force_login(mentor)
    response = client.post(
        "/notifications/settings/",
        every_category(EmailChoice.OFF, requests="weekly"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose one of the three options" in page
    assert "Please correct the highlighted field below." in page
    assert choices_of(mentor) == {}


@pytest.mark.django_db
def test_a_missing_choice_is_refused_by_name(client, mentor):
    client.force_login(mentor)
    response = client.post("/notifications/settings/", {"requests": EmailChoice.OFF})
    assert "Choose how to hear about reminders." in response.content.decode()
    assert choices_of(mentor) == {}


@pytest.mark.django_db
def test_my_choices_do_not_touch_anyone_elses(client, mentor, outsider):
    client.force_login(mentor)
    client.post(
        "/notifications/settings/", {**every_category(EmailChoice.OFF), "user": outsider.pk}
    )
    assert choices_of(outsider) == {}
    assert choices_of(mentor) == every_category(EmailChoice.OFF)


@pytest.mark.django_db
def test_settings_need_sign_in(client):
    response = client.get("/notifications/settings/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
