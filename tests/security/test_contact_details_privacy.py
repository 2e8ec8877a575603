"""Contact details reach the partner of an active mentorship and no one else (DESIGN.md).

Two canaries, the mentee's and the mentor's phone numbers, are looked for on every page of
the authorization matrix that each persona can open, and in the admin: each shows on the
owner's own form and on the mentorship page of the partner, nowhere else.
"""

from django.urls import reverse

from mentoring.mentorships import lifecycle
from mentoring.profiles.models import ContactDetails
from tests.security.personas import PERSONAS
from tests.security.test_authorization_matrix import MATRIX, url_for

MENTEE_PHONE = "+1 555 0199 7731"  # a canary: no other text holds these digits
MENTOR_PHONE = "+1 555 0188 4402"


def share(person, phone):
    ContactDetails.objects.create(
        user=person, phone=phone, email=f"private.{person.pk}@canary.example.org"
    )


def pages_showing(client, world, persona, canaries):
    """{route: canaries found} over every page this persona opens (GET answers 200)."""
    client.force_login(world.people[persona])
    found = {}
    for route, row in MATRIX.items():
        if row["GET"][persona] != 200:
            continue
        response = client.get(url_for(route, world))
        # A document download streams (conversations:attachment).
        body = b"".join(response.streaming_content) if response.streaming else response.content
        page = body.decode(errors="replace")
        shown = {canary for canary in canaries if canary in page}
        if shown:
            found[route] = shown
    return found


def test_each_phone_shows_to_its_owner_and_the_partner_only(client, security_world):
    world, people = security_world, security_world.people
    share(people["mentee"], MENTEE_PHONE)
    share(people["mentor"], MENTOR_PHONE)
    canaries = {MENTEE_PHONE, MENTOR_PHONE}
    expected = {
        # One's own details: the form and one's own record (page and JSON).
        "mentee": {
            "profiles:contact": {MENTEE_PHONE},
            "records:record": {MENTEE_PHONE},
            "records:record-json": {MENTEE_PHONE},
            "mentorships:detail": {MENTOR_PHONE},
        },
        "mentor": {
            "profiles:contact": {MENTOR_PHONE},
            "records:record": {MENTOR_PHONE},
            "records:record-json": {MENTOR_PHONE},
            "mentorships:detail": {MENTEE_PHONE},
        },
    }
    for persona in PERSONAS[1:]:
        assert pages_showing(client, world, persona, canaries) == expected.get(persona, {}), persona


def test_the_partner_gets_links_to_call_and_write(
    client, security_world, django_assert_max_num_queries
):
    people = security_world.people
    share(people["mentee"], MENTEE_PHONE)
    client.force_login(people["mentor"])
    with django_assert_max_num_queries(10):
        page = client.get(reverse("mentorships:detail", args=[security_world.mentorship.pk]))
    html = page.content.decode()
    assert 'href="tel:+155501997731"' in html
    assert f'href="mailto:private.{people["mentee"].pk}@canary.example.org"' in html
    assert "How to reach Mentee Sam" in html


def test_staff_see_neither_in_the_admin(client, security_world):
    people = security_world.people
    share(people["mentee"], MENTEE_PHONE)
    client.force_login(people["staff"])
    for url in (
        "/admin/",
        f"/admin/accounts/user/{people['mentee'].pk}/change/",
        f"/admin/profiles/menteeprofile/{people['mentee'].mentee_profile.pk}/change/",
        f"/admin/mentorships/mentorship/{security_world.mentorship.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert MENTEE_PHONE not in response.content.decode(), url


def test_paused_or_closed_the_partner_no_longer_sees_them(client, security_world):
    people, mentorship = security_world.people, security_world.mentorship
    share(people["mentee"], MENTEE_PHONE)
    url = reverse("mentorships:detail", args=[mentorship.pk])
    client.force_login(people["mentor"])
    lifecycle.pause(mentorship, people["mentee"])
    page = client.get(url).content.decode()
    assert MENTEE_PHONE not in page
    assert "Contact details are shared while the mentorship is active" in page
    lifecycle.resume(mentorship, people["mentor"])
    assert MENTEE_PHONE in client.get(url).content.decode()
    lifecycle.close(mentorship, people["mentee"], "goals_met", "")
    page = client.get(url).content.decode()
    assert MENTEE_PHONE not in page and "How to reach" not in page
