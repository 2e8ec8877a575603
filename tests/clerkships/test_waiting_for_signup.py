"""A schedule line for a student with no account yet is kept, waiting for sign-up, and
becomes their rotation, announced and on the audit trail, once they confirm that address.
An unconfirmed address claims nothing: anyone could type a student's address."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from mentoring.audit.models import RotationsAdded
from mentoring.clerkships.models import Rotation, WaitingRotation
from mentoring.notifications.models import Notification
from tests.clerkships.helpers import confirm, lines, upload
from tests.factories import make_user

D = datetime.date
NEWCOMER = "New.Student@med.example.edu"
ROW = f"{NEWCOMER},Internal Medicine,2031-01-06,2031-02-14"
KNOWN = "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


@pytest.fixture
def imported(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(KNOWN, ROW))
    return preview, confirm(client, clerkship, preview)


@pytest.mark.django_db
def test_the_preview_keeps_a_line_without_an_account_as_waiting(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(KNOWN, ROW))
    page = preview.content.decode()
    assert preview.context["preview"].problems == []
    assert "2 rotations to create for 1 student and 1 address with no account yet" in page
    assert "waiting for sign-up" in page and "Import 2 rotations" in page


@pytest.mark.django_db
def test_confirming_keeps_it_waiting_and_the_coordinator_sees_it(
    client, coordinator, clerkship, students, imported, django_assert_max_num_queries
):
    _, response = imported
    assert Rotation.objects.filter(clerkship=clerkship, starts_on=D(2031, 1, 6)).count() == 1
    [waiting] = WaitingRotation.objects.all()
    assert (waiting.email, waiting.starts_on, waiting.ends_on, waiting.added_by) == (
        NEWCOMER.lower(),
        D(2031, 1, 6),
        D(2031, 2, 14),
        coordinator,
    )
    # Nobody is told yet, and nobody is on the audit trail for it.
    assert Notification.objects.filter(kind="rotation.added").count() == 1

    message = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert message == ["Imported 2 rotations (1 waiting for the student to sign up)."]
    with django_assert_max_num_queries(12):
        page = client.get(f"/clerkships/{clerkship.pk}/").content.decode()
    waiting_section = page.split('id="waiting"')[1]
    assert "Waiting for sign-up (1)" in waiting_section
    assert NEWCOMER.lower() in waiting_section


@pytest.mark.django_db
def test_sign_up_and_confirming_the_address_turns_it_into_their_rotation(
    client, clerkship, coordinator, imported, mailoutbox
):
    client.logout()
    client.post(
        "/accounts/signup/",
        {
            "email": NEWCOMER,
            "display_name": "Nia Student",
            "roles": ["mentee"],
            "password1": "stethoscope-lantern-42",
            "password2": "stethoscope-lantern-42",
        },
    )
    student = User.objects.get(email__iexact=NEWCOMER)
    # Signed up, address not yet confirmed: still waiting.
    assert not Rotation.objects.filter(student=student).exists()
    assert WaitingRotation.objects.count() == 1

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", mailoutbox[-1].body)
    client.post(link.group(1))
    assert EmailAddress.objects.get(user=student).verified

    [rotation] = Rotation.objects.filter(student=student)
    assert (rotation.clerkship, rotation.starts_on, rotation.ends_on) == (
        clerkship,
        D(2031, 1, 6),
        D(2031, 2, 14),
    )
    assert not WaitingRotation.objects.exists()
    [notice] = Notification.objects.filter(recipient=student, kind="rotation.added")
    assert notice.title == f"{coordinator} added a rotation for you in Internal Medicine"
    [record] = RotationsAdded.objects.filter(student=student)
    assert (record.user, record.clerkship, record.rotations) == (
        coordinator,
        "Internal Medicine",
        1,
    )


@pytest.mark.django_db
def test_an_unconfirmed_address_claims_nothing_and_linking_happens_once(clerkship, imported):
    user = make_user(email=NEWCOMER.lower())
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False)
    assert not Rotation.objects.filter(student=user).exists()

    address.verified = True
    address.save()
    address.save()  # allauth saves a confirmed address twice
    assert Rotation.objects.filter(student=user).count() == 1
    assert Notification.objects.filter(recipient=user, kind="rotation.added").count() == 1


@pytest.mark.django_db
def test_importing_the_same_waiting_line_again_is_a_clash(
    client, coordinator, clerkship, students, imported
):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(ROW))
    [problem] = preview.context["preview"].problems
    assert problem.reasons == ["already in the schedule (2031-01-06 to 2031-02-14)"]


@pytest.mark.django_db
def test_an_address_that_can_never_sign_up_is_a_problem(
    client, coordinator, clerkship, students, settings
):
    settings.SIGNUP_EMAIL_DOMAINS = ["med.example.edu"]
    client.force_login(coordinator)
    preview = upload(
        client,
        clerkship,
        lines(
            "someone@gmail.example,Internal Medicine,2031-01-06,2031-02-14",
            "not-an-address,Internal Medicine,2031-01-06,2031-02-14",
        ),
    )
    reasons = {p.line: p.reasons for p in preview.context["preview"].problems}
    assert reasons == {
        2: [
            "no one has an account with the e-mail someone@gmail.example, and sign-up is "
            "for @med.example.edu"
        ],
        3: ["not-an-address is not an e-mail address"],
    }
    assert not WaitingRotation.objects.exists()
