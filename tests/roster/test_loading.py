"""Loading people from a CSV file: the preview says what each line does, confirming writes
the good lines all or none, and an entry not yet joined is updated by a later file."""

import pytest

from mentoring.roster.models import RosterEntry
from tests.roster.helpers import confirm, lines, upload

MAYA = "Maya.Castillo@med.example.edu,Maya Castillo,student,MD,Clerkship year,"
INES = "ines.alvarez@med.example.edu,Dr. Ines Alvarez,Faculty,md,,Psychiatry"


@pytest.fixture
def psychiatry(db):
    from mentoring.profiles.models import Department

    return Department.objects.create(name="Psychiatry")


@pytest.mark.django_db
def test_staff_preview_then_confirm_creates_pending_people(
    client, staff, psychiatry, django_assert_max_num_queries
):
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        preview = upload(client, lines(MAYA, INES))
    page = preview.content.decode()
    assert "2 people to add, 0 already on the roster to update" in page
    assert "Nothing is saved until you confirm" in page
    assert not RosterEntry.objects.exists()

    response = confirm(client, preview)
    assert response["Location"] == "/roster/"
    maya = RosterEntry.objects.get(email="maya.castillo@med.example.edu")
    assert (maya.name, maya.role, maya.programme, maya.stage, maya.uploaded_by) == (
        "Maya Castillo",
        "student",
        "MD",
        "Clerkship year",
        staff,
    )
    ines = RosterEntry.objects.get(email="ines.alvarez@med.example.edu")
    assert (ines.role, ines.department, ines.joined_at) == ("faculty", "Psychiatry", None)

    with django_assert_max_num_queries(12):
        page = client.get("/roster/").content.decode()
    assert "Added 2 people to the roster and updated 0." in page
    assert "2 people on the roster: <strong>0 joined</strong>" in page
    assert "Maya Castillo" in page and "Clerkship year" in page


@pytest.mark.django_db
def test_a_second_file_updates_an_entry_not_yet_joined_and_says_so(client, staff, psychiatry):
    client.force_login(staff)
    confirm(client, upload(client, lines(MAYA)))
    preview = upload(
        client,
        lines("maya.castillo@med.example.edu,Maya Castillo-Reyes,student,MD,Final year,"),
    )
    page = preview.content.decode()
    assert "0 people to add, 1 already on the roster to update" in page
    assert "name: Maya Castillo → Maya Castillo-Reyes; stage: Clerkship year → Final year" in page
    confirm(client, preview)
    maya = RosterEntry.objects.get()
    assert (maya.name, maya.stage) == ("Maya Castillo-Reyes", "Final year")


@pytest.mark.django_db
def test_header_aliases_and_one_column_for_stage_or_department(client, staff, psychiatry):
    client.force_login(staff)
    text = lines(
        "maya@med.example.edu,Maya,mentee,Program MD is ignored,x,MD,Preclinical years",
        "ines@med.example.edu,Ines,mentor,,x,MD,psychiatry",
        header="E-mail Address,Full Name,Role,Notes,Extra,Program,Stage or department",
    )
    preview = upload(client, text)
    assert preview.context["preview"].problems == []
    assert "Ignored columns: Notes, Extra." in preview.content.decode()
    confirm(client, preview)
    assert dict(RosterEntry.objects.values_list("email", "stage")) == {
        "maya@med.example.edu": "Preclinical years",
        "ines@med.example.edu": "",
    }
    assert RosterEntry.objects.get(email="ines@med.example.edu").department == "Psychiatry"


@pytest.mark.django_db
def test_a_coordinator_loads_and_sees_the_people_of_their_programme(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    confirm(client, upload(client, lines(MAYA)))
    assert RosterEntry.objects.get().uploaded_by == coordinator
    with django_assert_max_num_queries(12):
        page = client.get("/roster/").content.decode()
    assert "Maya Castillo" in page and "Send invitations" not in page
