import pytest

from tests.factories import make_user


@pytest.mark.django_db
def test_change_name_and_time_zone(client, django_assert_max_num_queries):
    user = make_user()
    client.force_login(user)
    with django_assert_max_num_queries(6):
        assert client.get("/account/settings/").status_code == 200
    response = client.post(
        "/account/settings/", {"display_name": "Dr. New Name", "time_zone": "Europe/Lisbon"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("Dr. New Name", "Europe/Lisbon")


@pytest.mark.django_db
def test_unknown_time_zone_is_refused(client):
    user = make_user(time_zone="America/Chicago")
    client.force_login(user)
    response = client.post(
        "/account/settings/", {"display_name": "Someone", "time_zone": "Mars/Olympus"}
    )
    assert "Select a valid choice." in response.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "America/Chicago"


@pytest.mark.django_db
def test_crafted_post_cannot_make_yourself_staff(client):
    user = make_user()
    client.force_login(user)
    client.post(
        "/account/settings/",
        {"display_name": "Sneaky", "time_zone": "UTC", "is_staff": "on", "is_superuser": "on"},
    )
    user.refresh_from_db()
    assert user.display_name == "Sneaky"
    assert not user.is_staff and not user.is_superuser
