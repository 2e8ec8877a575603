"""Staff reads in the admin are audited: which list or record, by whom, when."""

import pytest
from django.urls import reverse

from mentoring.audit.models import AdminView
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db


def test_opening_a_list_and_a_record_is_recorded(client, staff, mentor, mentee):
    mentorship = make_mentorship(mentor, mentee)
    client.force_login(staff)
    assert client.get(reverse("admin:mentorships_mentorship_changelist")).status_code == 200
    url = reverse("admin:mentorships_mentorship_change", args=[mentorship.pk])
    assert client.get(url).status_code == 200

    rows = list(AdminView.objects.order_by("pk").values_list("user", "model", "object_id"))
    assert rows == [
        (staff.pk, "mentorships.mentorship", ""),
        (staff.pk, "mentorships.mentorship", str(mentorship.pk)),
    ]


def test_the_admin_index_and_non_staff_write_nothing(client, staff, coordinator):
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200
    client.force_login(coordinator)
    assert client.get(reverse("admin:mentorships_mentorship_changelist")).status_code == 302
    assert not AdminView.objects.exists()


def test_staff_read_the_trail_and_cannot_change_it(client, staff):
    client.force_login(staff)
    client.get(reverse("admin:profiles_menteeprofile_changelist"))
    row = AdminView.objects.get()
    page = client.get(reverse("admin:audit_adminview_changelist")).content.decode()
    assert "profiles.menteeprofile" in page
    assert client.get(reverse("admin:audit_adminview_add")).status_code == 403
    client.post(reverse("admin:audit_adminview_delete", args=[row.pk]), {"post": "yes"})
    assert AdminView.objects.filter(pk=row.pk).exists()
