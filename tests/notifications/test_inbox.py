import pytest

from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify


@pytest.mark.django_db
def test_inbox_lists_own_notifications_only(
    client, mentor, outsider, django_assert_max_num_queries
):
    notify(mentor, "test", "For the mentor")
    notify(outsider, "test", "For someone else")
    client.force_login(mentor)
    with django_assert_max_num_queries(7):
        page = client.get("/notifications/").content.decode()
    assert "For the mentor" in page
    assert "For someone else" not in page
    assert 'aria-label="1 unread"' in page


@pytest.mark.django_db
def test_empty_inbox_explains_itself(client, mentor):
    client.force_login(mentor)
    assert "No notifications yet." in client.get("/notifications/").content.decode()


@pytest.mark.django_db
def test_inbox_paginates(client, mentor):
    for n in range(30):
        notify(mentor, "test", f"Message {n:02d}")
    client.force_login(mentor)
    first = client.get("/notifications/").content.decode()
    second = client.get("/notifications/?page=2").content.decode()
    assert "Message 29" in first and "Message 04" not in first
    assert "Message 04" in second and "Page 2 of 2" in second


@pytest.mark.django_db
def test_opening_marks_read_and_follows_the_link(client, mentor):
    notification = notify(mentor, "test", "Open me", url="/account/settings/")
    client.force_login(mentor)
    response = client.post(f"/notifications/{notification.pk}/open/")
    assert response["Location"] == "/account/settings/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_opening_someone_elses_notification_is_404(client, mentor, outsider):
    notification = notify(mentor, "test", "Private")
    client.force_login(outsider)
    assert client.post(f"/notifications/{notification.pk}/open/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_open_is_post_only(client, mentor):
    notification = notify(mentor, "test", "Hello")
    client.force_login(mentor)
    assert client.get(f"/notifications/{notification.pk}/open/").status_code == 405


@pytest.mark.django_db
def test_offsite_link_is_not_followed(client, mentor):
    notification = notify(mentor, "test", "Odd link", url="//evil.example/")
    client.force_login(mentor)
    assert client.post(f"/notifications/{notification.pk}/open/")["Location"] == "/notifications/"


@pytest.mark.django_db
def test_mark_all_read_touches_only_mine(client, mentor, outsider):
    notify(mentor, "test", "Mine")
    notify(outsider, "test", "Theirs")
    client.force_login(mentor)
    client.post("/notifications/read-all/")
    assert not Notification.objects.filter(recipient=mentor, read_at=None).exists()
    assert Notification.objects.filter(recipient=outsider, read_at=None).exists()
