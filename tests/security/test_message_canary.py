"""Canaries: a unique string written in a message, and in a document's name, never shows on
a page of anyone but the two people of that conversation: not in any admin page (staff),
not on the coordinators' dashboards, student lists or their CSV files, not on another
person's pages. Each recipient chose e-mails with the words, so that the words are stored
in their notification too: the case where leaking them is easiest."""

import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from mentoring.conversations import documents, sending
from mentoring.conversations.threads import Thread
from mentoring.dashboards.aggregates import AGGREGATE_TABLES
from mentoring.dashboards.students import STUDENT_TABLES
from mentoring.notifications import preferences
from mentoring.notifications.models import Category, Notification
from tests.security.test_authorization_matrix import MATRIX, url_for

MENTORSHIP_CANARY = "canary-7e3b-mentorship-words"
REQUEST_CANARY = "canary-c914-request-words"
DOCUMENT_CANARY = "canary-0d5a-document-name"
VIEWS = ("history", "delete")
ADMIN_LINK = re.compile(r'href="(/admin/[^"?#]+/)"')


@pytest.fixture
def world(security_world):
    people = security_world.people
    for person in ("mentor", "mentee"):
        preferences.choose(
            people[person], {Category.MESSAGES: "immediate"}, with_text={Category.MESSAGES}
        )
    cv = SimpleUploadedFile(f"{DOCUMENT_CANARY}.pdf", b"%PDF-1.4\n%%EOF\n")
    sending.send(
        Thread(security_world.mentorship, people["mentee"]),
        MENTORSHIP_CANARY,
        cv,
        documents.check(cv),
    )
    sending.send(Thread(security_world.pending_request, people["asked_mentor"]), REQUEST_CANARY)
    # The canaries are stored where the recipients asked: the test would prove nothing else.
    assert Notification.objects.filter(body__contains=MENTORSHIP_CANARY).exists()
    assert Notification.objects.filter(body__contains=REQUEST_CANARY).exists()
    return security_world


def leaks(text, canaries=(MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)):
    return [canary for canary in canaries if canary in text]


def content_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def admin_pages(client):
    """Every admin list, every row it lists on its first page, and each row's history and
    delete confirmation (which lists related rows by name)."""
    lists = []
    for model in apps.get_models():
        try:
            lists.append(
                reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            )
        except NoReverseMatch:  # not in the admin
            continue
    pages = ["/admin/", *lists]
    for url in lists:
        listing = content_of(client.get(url))
        rows = {link for link in ADMIN_LINK.findall(listing) if link.endswith("/change/")}
        for row in rows:
            pages += [row, *(row.replace("/change/", f"/{view}/") for view in VIEWS)]
    return pages


@pytest.mark.django_db
def test_no_admin_page_shows_a_message(client, world):
    client.force_login(world.people["staff"])
    pages = admin_pages(client)
    assert any("/admin/notifications/notification/" in page for page in pages)
    assert any("/admin/accounts/user/" in page for page in pages)
    leaked = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (url, response.status_code)
        if found := leaks(content_of(response)):
            leaked[url] = found
    assert not leaked
    # Searching the admin by the words finds nothing either (the page echoes the search).
    for url in ("/admin/notifications/notification/", "/admin/accounts/user/"):
        assert "0 results" in content_of(client.get(url, {"q": MENTORSHIP_CANARY})), url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "canaries"),
    [
        ("outsider", (MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)),
        ("other_faculty", (MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)),
        ("coordinator", (MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)),
        ("coordinator_out", (MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)),
        ("staff", (MENTORSHIP_CANARY, REQUEST_CANARY, DOCUMENT_CANARY)),
        # Each side of one conversation never sees the other conversation's words.
        ("mentor", (REQUEST_CANARY,)),
        ("asked_mentor", (MENTORSHIP_CANARY, DOCUMENT_CANARY)),
    ],
)
def test_no_page_of_anyone_else_shows_a_message(client, world, persona, canaries):
    client.force_login(world.people[persona])
    leaked = {}
    for route in MATRIX:
        url = url_for(route, world)
        if found := leaks(content_of(client.get(url)), canaries):
            leaked[url] = found
    assert not leaked


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "staff"])
def test_no_dashboard_file_shows_a_message(client, world, persona):
    client.force_login(world.people[persona])
    base = (
        reverse("dashboards:clerkship", args=[world.clerkship.pk])
        if persona == "coordinator"
        else reverse("dashboards:school")
    )
    for name in [*AGGREGATE_TABLES, *STUDENT_TABLES]:
        response = client.get(base, {"export": name})
        assert response.status_code == 200, name
        assert not leaks(content_of(response)), name


@pytest.mark.django_db
def test_the_pair_does_see_it(client, world):
    # The canaries are really on the pages the matrix visits: the tests above can fail.
    client.force_login(world.people["mentor"])
    page = content_of(client.get(url_for("conversations:thread", world)))
    assert MENTORSHIP_CANARY in page and DOCUMENT_CANARY in page
