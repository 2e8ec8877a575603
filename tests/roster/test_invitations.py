"""Invitations: one notification per person and campaign, e-mailed through the outbox to
an address with no account, never twice; the campaign's page shows its progress."""

import pytest

from accounts.sso_config import providers_from_environment
from mentoring.notifications.models import Notification
from mentoring.roster import invitations
from mentoring.roster.models import Campaign, RosterEntry
from tests.factories import make_user


def entry(n, **fields):
    return RosterEntry.objects.create(
        email=f"person{n}@med.example.edu", name=f"Person {n}", role="student",
        programme="MD", programme_key="md", **fields,
    )  # fmt: skip


@pytest.fixture
def people(db):
    return [entry(n) for n in range(3)]


@pytest.mark.django_db
def test_staff_invite_everyone_not_invited_and_the_outbox_sends_it(
    client, staff, people, mailoutbox, django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):  # fmt: skip
    joined = entry(9, joined_at="2026-01-01T00:00Z")
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        page = client.get("/roster/invite/").content.decode()
    assert "Invite the 3 people not invited yet" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/roster/invite/")
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/roster/campaigns/{campaign.pk}/"
    campaign.refresh_from_db()
    assert (campaign.done, campaign.total, campaign.finished_at is not None) == (3, 3, True)

    rows = Notification.objects.filter(kind="invitation.roster")
    assert sorted(rows.values_list("address", flat=True)) == [p.email for p in people]
    assert set(rows.values_list("recipient", flat=True)) == {None}
    assert {m.to[0] for m in mailoutbox} == {p.email for p in people}
    assert joined.email not in {m.to[0] for m in mailoutbox}
    message = next(m for m in mailoutbox if m.to == ["person0@med.example.edu"])
    assert message.subject == "[Mentoring] Person 0, you are invited to Mentoring"
    assert "/accounts/signup/" in message.body and "school account" not in message.body
    assert all(p.invited_at for p in RosterEntry.objects.filter(joined_at=None))

    with django_assert_max_num_queries(12):
        page = client.get(response["Location"]).content.decode()
    assert '<progress id="campaign-bar" max="3" value="3">100%</progress>' in page
    assert "3</span> of 3 written" in page and "Finished" in page
    assert "0 of the people invited have joined so far" in page
    with django_assert_max_num_queries(12):
        progress = client.get(f"/roster/campaigns/{campaign.pk}/progress/").json()
    assert progress == {"done": 3, "total": 3, "percent": 100, "finished": True}


@pytest.mark.django_db
def test_running_a_campaign_again_sends_nothing_twice(
    client, staff, people, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/roster/invite/")
    campaign = Campaign.objects.get()
    sent = len(mailoutbox)
    # A retried task, or the periodic resume: every invitation is written already.
    from mentoring.roster.models import Invitation

    Invitation.objects.update(written_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.run(campaign.pk)
    assert Notification.objects.filter(kind="invitation.roster").count() == 3
    assert len(mailoutbox) == sent == 3

    # "Everyone not invited yet" is nobody now.
    response = client.post("/roster/invite/", follow=True)
    assert "Nobody to invite" in response.content.decode()
    assert Campaign.objects.count() == 1


@pytest.mark.django_db
def test_a_selection_invites_only_the_ticked_people_and_the_sso_link_when_configured(
    client, staff, people, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        lambda name: {
            "SSO_OIDC_SERVER_URL": "https://login.example.edu",
            "SSO_OIDC_CLIENT_ID": "mentoring",
            "SSO_OIDC_CLIENT_SECRET": "secret",
        }.get(name, ""),
        default_name="Example University",
    )
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/roster/invite/", {"entries": [people[1].pk]})
    assert [m.to for m in mailoutbox] == [[people[1].email]]
    assert "Or sign in with your school account: http" in mailoutbox[0].body
    # Joining counts on the campaign's page.
    user = make_user(email=people[1].email)
    RosterEntry.objects.filter(pk=people[1].pk).update(user=user, joined_at="2026-01-02T00:00Z")
    page = client.get(f"/roster/campaigns/{Campaign.objects.get().pk}/").content.decode()
    assert "1 of the people invited has joined so far" in page


@pytest.mark.django_db
def test_an_unknown_selection_is_a_message_not_a_500(client, staff, people):
    client.force_login(staff)
    response = client.post("/roster/invite/", {"entries": ["99999999", "x"]})
    assert response.status_code == 200
    assert response.context["form"].errors["entries"]
    assert not Campaign.objects.exists()


@pytest.mark.django_db
def test_the_roster_page_counts_joined_and_invited(client, staff, people):
    entry(7, joined_at="2026-01-01T00:00Z")
    entry(8, invited_at="2026-01-01T00:00Z")
    client.force_login(staff)
    page = client.get("/roster/").content.decode()
    assert (
        "5 people on the roster: <strong>1 joined</strong>, 1 invited and not joined yet, "
        "3 not invited yet." in page
    )
