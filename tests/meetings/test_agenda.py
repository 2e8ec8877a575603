import pytest

from mentoring.meetings.models import Meeting


@pytest.mark.django_db
def test_mentee_is_nudged_to_bring_an_agenda(client, mentee, planned):
    client.force_login(mentee)
    page = client.get(f"/meetings/{planned.pk}/").content.decode()
    assert "Bring an agenda." in page
    client.post(f"/meetings/{planned.pk}/agenda/", {"agenda": "1. Research elective\n2. CV"})
    planned.refresh_from_db()
    assert planned.agenda == "1. Research elective\n2. CV"
    page = client.get(f"/meetings/{planned.pk}/").content.decode()
    assert "Bring an agenda." not in page and "1. Research elective" in page


@pytest.mark.django_db
def test_mentor_sees_the_agenda_and_may_add_to_it(client, mentor, planned):
    client.force_login(mentor)
    page = client.get(f"/meetings/{planned.pk}/").content.decode()
    assert "Sam Okafor has not added an agenda yet." in page
    assert "Bring an agenda." not in page
    response = client.post(f"/meetings/{planned.pk}/agenda/", {"agenda": "Bring your draft."})
    assert response["Location"] == f"/meetings/{planned.pk}/"
    assert Meeting.objects.get().agenda == "Bring your draft."


@pytest.mark.django_db
def test_agenda_page_and_its_limit(client, mentee, planned, django_assert_max_num_queries):
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        assert client.get(f"/meetings/{planned.pk}/agenda/").status_code == 200
    page = client.post(f"/meetings/{planned.pk}/agenda/", {"agenda": "x" * 4001}).content.decode()
    assert "Ensure this value has at most 4000 characters (it has 4001)." in page
    assert Meeting.objects.get().agenda == ""


@pytest.mark.django_db
def test_agenda_of_a_held_meeting_is_kept(client, mentee, held):
    client.force_login(mentee)
    response = client.post(f"/meetings/{held.pk}/agenda/", {"agenda": "Rewritten"}, follow=True)
    assert "This meeting has been logged" in response.content.decode()
    held.refresh_from_db()
    assert held.agenda == ""
