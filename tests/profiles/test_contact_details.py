"""Editing one's own contact details: each optional, each checked, bad input changing nothing."""

import pytest

from mentoring.profiles.models import ContactDetails
from tests.profiles.test_profile_edit import text

URL = "/profile/contact/"
GOOD = {
    "email": "ines.alvarez@hospital.example.org",
    "phone": "+1 (617) 555-0100 x204",
    "video_url": "https://zoom.us/j/123456789",
    "best_hours": "Weekdays 8-9 am; not on call days",
}


@pytest.fixture
def signed_in(client, mentee):
    client.force_login(mentee)
    return mentee


def test_save_and_see_them_back(client, signed_in, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        page = text(client.get(URL))
    assert "no one else does: not other students or faculty, not coordinators, not staff" in page
    with django_assert_max_num_queries(8):
        assert client.post(URL, GOOD)["Location"] == URL
    details = ContactDetails.objects.get(user=signed_in)
    assert (details.email, details.phone, details.video_url, details.best_hours) == tuple(
        GOOD.values()
    )
    assert details.tel_uri == "tel:+16175550100;ext=204"
    page = client.get(URL).content.decode()
    assert "Your contact details are saved." in page and 'value="+1 (617) 555-0100 x204"' in page
    # Everything is optional: emptied, nothing is shown.
    client.post(URL, dict.fromkeys(GOOD, ""))
    assert ContactDetails.objects.get(user=signed_in).is_empty


def test_a_link_without_its_scheme_is_taken_as_https(client, signed_in):
    client.post(URL, {**GOOD, "video_url": "meet.google.com/abc-defg-hij"})
    assert ContactDetails.objects.get(user=signed_in).video_url == (
        "https://meet.google.com/abc-defg-hij"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "ines at hospital", "Enter a valid e-mail address."),
        ("email", "ines@hospital.org\r\nBcc: all@x.org", "Enter a valid e-mail address."),
        ("phone", "call my secretary", "Enter a phone or pager number"),
        ("phone", "12", "Enter a phone or pager number"),
        ("phone", "555\n0100", "Enter a phone or pager number"),
        ("video_url", "http://zoom.us/j/1", "with https://"),
        ("video_url", "javascript:alert(1)", "Enter a valid URL."),
        ("best_hours", "mornings\r\nBcc: x@y.org", "Remove line breaks and other control"),
        ("best_hours", "a\x00b", "Remove line breaks and other control"),
        ("best_hours", "x" * 121, "at most 120 characters"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    client, signed_in, field, value, message
):
    client.post(URL, GOOD)
    response = client.post(URL, {**GOOD, "best_hours": "Evenings", field: value})
    assert response.status_code == 200
    assert message in text(response)
    assert ContactDetails.objects.get(user=signed_in).best_hours == GOOD["best_hours"]


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("617-555-0100", "tel:6175550100"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("4-1234", "tel:41234"),
        ("(617) 555.0100 ext. 12", "tel:6175550100;ext=12"),
    ],
)
def test_numbers_as_people_write_them_become_tel_links(phone, uri):
    assert ContactDetails(phone=phone).tel_uri == uri


def test_staff_see_whose_row_it_is_in_the_admin_never_the_details(client, signed_in, staff):
    client.post(URL, GOOD)
    details = ContactDetails.objects.get(user=signed_in)
    client.force_login(staff)
    for url in (
        "/admin/profiles/contactdetails/",
        f"/admin/profiles/contactdetails/{details.pk}/change/",
        f"/admin/profiles/contactdetails/{details.pk}/history/",
        f"/admin/profiles/contactdetails/{details.pk}/delete/",
        f"/admin/accounts/user/{signed_in.pk}/change/",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        shown = page.content.decode()
        assert "Sam Okafor" in shown or "Contact details of" in shown, url
        for value in ("555-0100", "zoom.us", "hospital.example.org", "Weekdays 8-9"):
            assert value not in shown, (url, value)
    # Read-only: a crafted change changes nothing.
    client.post(f"/admin/profiles/contactdetails/{details.pk}/change/", {"phone": "999 999"})
    assert ContactDetails.objects.get(pk=details.pk).phone == GOOD["phone"]
