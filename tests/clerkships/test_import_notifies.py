"""A student is told when a coordinator's import adds a rotation for them: which clerkship,
which dates, who; once, whatever is re-imported; and never for an import that wrote nothing."""

import datetime

import pytest
from django.urls import reverse

from mentoring.clerkships.models import Rotation
from mentoring.notifications import delivery
from mentoring.notifications.models import Notification
from tests.clerkships.helpers import confirm, lines, upload
from tests.factories import make_rotation

pytestmark = pytest.mark.django_db

ROWS = [f"student{n}@med.example.edu,Internal Medicine,2031-01-06,2031-02-14" for n in (1, 2, 3)]
BAD = "nobody-at-med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


def told(students):
    return Notification.objects.filter(recipient__in=students, kind="rotation.added")


def import_file(client, clerkship, text, skip_bad=False):
    return confirm(client, clerkship, upload(client, clerkship, text), skip_bad=skip_bad)


def test_each_student_is_told_which_clerkship_dates_and_who(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(*ROWS))

    assert told(students).count() == 3
    notice = told(students).get(recipient=students[0])
    assert notice.title == "Coordinator In Scope added a rotation for you in Internal Medicine"
    assert "in Internal Medicine from Jan 6, 2031 to Feb 14, 2031" in notice.body
    assert "vision statement" in notice.body
    assert notice.url == reverse("clerkships:my-rotations")


def test_the_student_reads_it_in_their_inbox_and_it_leads_to_their_rotations(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(*ROWS))

    client.force_login(students[0])
    inbox = client.get(reverse("notifications:inbox")).content.decode()
    assert "Coordinator In Scope added a rotation for you in Internal Medicine" in inbox
    assert "from Jan 6, 2031 to Feb 14, 2031" in inbox
    notice = told(students).get(recipient=students[0])
    opened = client.post(reverse("notifications:open", args=[notice.pk]))
    page = client.get(opened["Location"]).content.decode()
    assert "Internal Medicine" in page and "Feb 14, 2031" in page
    assert "Coordinator In Scope" in page


def test_the_e_mail_says_the_same_and_links_to_the_rotations(
    client, coordinator, clerkship, students, mailoutbox, settings
):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(ROWS[0]))

    delivery.deliver([told(students).get().pk])  # the body of the task after commit

    (mail,) = mailoutbox
    assert mail.to == [students[0].email]
    assert mail.subject.endswith(
        "Coordinator In Scope added a rotation for you in Internal Medicine"
    )
    assert "from Jan 6, 2031 to Feb 14, 2031" in mail.body
    assert f"{settings.SITE_URL}{reverse('clerkships:my-rotations')}" in mail.body


def test_re_importing_the_same_file_tells_no_one_twice(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(*ROWS))

    again = upload(client, clerkship, lines(*ROWS))

    assert not again.context["preview"].rows
    assert told(students).count() == 3


def test_a_rotation_deleted_and_imported_again_is_not_announced_again(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(*ROWS))
    Rotation.objects.filter(student=students[0]).delete()  # as staff might, in the admin

    import_file(client, clerkship, lines(ROWS[0]))

    assert Rotation.objects.filter(student=students[0]).count() == 1
    assert told(students).filter(recipient=students[0]).count() == 1


def test_a_double_submitted_confirmation_tells_once(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS))
    confirm(client, clerkship, preview)
    confirm(client, clerkship, preview)

    assert sorted(told(students).values_list("recipient", flat=True)) == sorted(
        s.pk for s in students
    )


def test_only_the_students_of_the_good_rows_are_told(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(ROWS[0], BAD), skip_bad=True)

    assert list(told(students).values_list("recipient", flat=True)) == [students[0].pk]


def test_a_refused_import_tells_no_one_and_the_corrected_one_tells_each_once(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    import_file(client, clerkship, lines(*ROWS, BAD))
    assert not Rotation.objects.filter(student__in=students).exists()
    assert not told(students).exists()

    import_file(client, clerkship, lines(*ROWS))

    assert sorted(told(students).values_list("recipient", flat=True)) == sorted(
        s.pk for s in students
    )


def test_an_import_refused_for_a_clash_tells_no_one_until_it_goes_in(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS))
    make_rotation(students[2], clerkship, starts_on=datetime.date(2031, 2, 1))
    confirm(client, clerkship, preview)
    assert not told(students).exists()

    # Uploaded again, the clash is a bad row; the other two go in and are told.
    import_file(client, clerkship, lines(*ROWS), skip_bad=True)

    assert sorted(told(students).values_list("recipient", flat=True)) == sorted(
        s.pk for s in students[:2]
    )
