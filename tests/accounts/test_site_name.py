"""The school's name for the site (SITE_NAME) is what every page's title and header say."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed in"])
def test_pages_carry_the_site_name(client, mentee, settings, signed_in):
    settings.SITE_NAME = "Lakeside Mentoring"
    if signed_in:
        client.force_login(mentee)
    page = client.get("/accounts/login/" if not signed_in else "/home/").content.decode()
    assert "· Lakeside Mentoring</title>" in page
    assert 'class="brand"' in page and ">Lakeside Mentoring</a>" in page
