"""Reminders put an action item's text in an e-mail subject ("Action item due: ..."), where
a line break made the e-mail fail: the text refuses control characters."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from mentoring.meetings.models import ActionItem, Meeting
from tests.meetings.factories import NEW_YORK, make_action_item
from tests.meetings.test_log import items, record

MESSAGE = "Remove line breaks and other control characters from this field."
migration = importlib.import_module("mentoring.meetings.migrations.0003_clean_control_characters")


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Read\nBcc: all@med.example.edu", "Read\rit", "Read\tit"])
def test_logging_refuses_an_action_item_with_control_characters(client, mentor, started, text):
    client.force_login(mentor)
    response = client.post(
        f"/meetings/{started.pk}/log/",
        {
            **record(started.starts_at, shared_notes="Notes"),
            **items({"text": text, "owner": "mentee"}),
        },
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    started.refresh_from_db()
    assert started.status == "planned" and started.shared_notes == ""
    assert not ActionItem.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Read\nBcc: all@med.example.edu", "Read\u2028it"])
def test_quick_log_refuses_a_next_step_with_control_characters(client, mentor, mentorship, text):
    client.force_login(mentor)
    response = client.post(
        f"/mentorships/{mentorship.pk}/log/",
        {
            "day": timezone.localdate(timezone=NEW_YORK).isoformat(),
            "minutes": "30",
            "mode": "video",
            "action_text": text,
            "action_owner": "mentee",
        },
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Meeting.objects.exists() and not ActionItem.objects.exists()


@pytest.mark.django_db
def test_migration_cleans_action_items_written_before(held):
    dirty = make_action_item(held, text="Book the\r\n practice exam\x1b")
    clean = make_action_item(held, text="Send the question bank link")
    migration.clean_action_items(apps, None)
    texts = dict(ActionItem.objects.values_list("pk", "text"))
    assert texts == {dirty.pk: "Book the practice exam", clean.pk: "Send the question bank link"}
