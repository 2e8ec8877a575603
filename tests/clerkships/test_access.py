"""Access beyond the persona matrix: teaching faculty, and another clerkship's coordinator."""

from django.urls import reverse

from mentoring.clerkships.models import ClerkshipFaculty, Rotation
from tests.clerkships.helpers import lines, upload


def test_faculty_teaching_in_the_clerkship_gets_404(client, coordinator, clerkship, mentor):
    ClerkshipFaculty.objects.create(clerkship=clerkship, faculty=mentor, is_grader=True)
    client.force_login(mentor)
    assert client.get(f"/clerkships/{clerkship.pk}/").status_code == 404
    assert client.get(f"/clerkships/{clerkship.pk}/import/").status_code == 404
    assert client.post(f"/clerkships/{clerkship.pk}/import/").status_code == 404
    assert "Internal Medicine" not in client.get("/clerkships/").content.decode()


def test_coordinator_of_another_clerkship_cannot_confirm_into_this_one(
    client, coordinator, coordinator_out, clerkship, other_clerkship
):
    client.force_login(coordinator_out)
    url = reverse("clerkships:confirm-import", args=[clerkship.pk])
    assert client.post(url, {"preview": "anything", "skip_bad": "1"}).status_code == 404


def test_coordinator_of_another_clerkship_cannot_import_into_this_one(
    client, coordinator, coordinator_out, clerkship, students
):
    client.force_login(coordinator_out)
    row = "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14"
    assert upload(client, clerkship, lines(row)).status_code == 404
    assert not Rotation.objects.filter(student=students[0]).exists()


def test_anonymous_is_sent_to_sign_in(client, clerkship):
    response = client.get(f"/clerkships/{clerkship.pk}/import/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
