import pytest

from tests.factories import make_user


@pytest.mark.django_db
def test_mentee_navigation(client, mentee, django_assert_max_num_queries):
    client.force_login(mentee)
    # Session, user, the navigation, and what is next: requests, meetings, action items,
    # reassessments and the profile.
    with django_assert_max_num_queries(8):
        page = client.get("/home/").content.decode()
    assert "As a mentee" in page
    assert "As a mentor" not in page
    assert "Admin" not in page


@pytest.mark.django_db
def test_mentor_and_coordinator_navigation(client, mentor, clerkship):
    clerkship.coordinators.add(mentor)
    client.force_login(mentor)
    page = client.get("/home/").content.decode()
    assert "As a mentor" in page
    assert "As a clerkship coordinator" in page and 'href="/dashboards/"' in page
    assert "As a mentee" not in page


@pytest.mark.django_db
def test_person_without_a_role_is_offered_one(client):
    user = make_user()
    client.force_login(user)
    page = client.get("/home/").content.decode()
    assert "Choose how you take part" in page
    client.post("/profile/roles/add/", {"role": "mentor"})
    assert hasattr(type(user).objects.get(pk=user.pk), "mentor_profile")
    assert "As a mentor" in client.get("/home/").content.decode()


@pytest.mark.django_db
def test_coordinator_role_cannot_be_self_assigned(client):
    user = make_user()
    client.force_login(user)
    response = client.post("/profile/roles/add/", {"role": "coordinator"}, follow=True)
    assert "Choose mentee or mentor." in response.content.decode()
    assert not user.coordinated_clerkships.exists()


@pytest.mark.django_db
def test_staff_sees_admin_link(client, staff):
    client.force_login(staff)
    assert 'href="/admin/"' in client.get("/home/").content.decode()
