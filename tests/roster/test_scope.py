"""A coordinator sees and changes only the people of the programmes they run; students,
faculty and coordinators get 404 on invitations, which are staff's."""

import pytest

from mentoring.roster.models import Campaign, RosterEntry
from tests.roster.helpers import lines, reasons, upload


def other_programme_entry():
    # A programme the coordinator does not run (programmes.run_by): none of theirs.
    return RosterEntry.objects.create(
        email="pa.student@med.example.edu", name="PA Student", role="student",
        programme="PA studies", programme_key="pa studies",
    )  # fmt: skip


@pytest.mark.django_db
def test_a_coordinator_does_not_see_or_change_another_programmes_people(client, coordinator, staff):
    other_programme_entry()
    client.force_login(coordinator)
    assert "PA Student" not in client.get("/roster/").content.decode()
    response = upload(client, lines("pa.student@med.example.edu,Renamed,student,MD,,"))
    assert reasons(response) == {
        2: [
            "pa.student@med.example.edu is on the roster of another programme, which you do not run"
        ]
    }
    client.force_login(staff)
    assert "PA Student" in client.get("/roster/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["mentee", "mentor", "coordinator"])
def test_outsiders_get_404(client, persona, request, staff):
    campaign = Campaign.objects.create(started_by=staff, total=0)
    client.force_login(request.getfixturevalue(persona))
    urls = ["/roster/invite/", f"/roster/campaigns/{campaign.pk}/"]
    if persona != "coordinator":
        urls += ["/roster/", "/roster/upload/"]
    for url in urls:
        assert client.get(url).status_code == 404, url
