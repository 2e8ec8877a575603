"""Messages in the mentorship's timeline (one line per person and day) and in each
person's record export, with the names of their documents."""

import datetime
import json

import pytest
import time_machine

from tests.conversations.helpers import PDF, thread_url, upload, write
from tests.timeline.helpers import timeline_url, titles_on

pytestmark = pytest.mark.django_db

# After the mentorship began (today), so that messages are the newest events.
DAY = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)).replace(
    hour=15, minute=0, second=0, microsecond=0
)


def test_the_timeline_counts_messages_per_person_and_day(client, mentorship, mentee, mentor):
    for minutes, (sender, text) in enumerate(
        [(mentee, "One"), (mentee, "Two"), (mentor, "Answer")]
    ):
        with time_machine.travel(DAY + datetime.timedelta(minutes=minutes), tick=False):
            write(mentorship, sender, text)
    with time_machine.travel(DAY + datetime.timedelta(days=1), tick=False):
        write(mentorship, mentee, "Next day")
    client.force_login(mentor)
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert titles[:3] == [
        "Sam Okafor wrote a message",
        "You wrote a message",
        "Sam Okafor wrote 2 messages",
    ]
    page = client.get(timeline_url(mentorship)).content.decode()
    assert f'<a href="{thread_url(mentorship)}">Sam Okafor wrote 2 messages</a>' in page
    assert "Next day" not in page  # the words are read in the thread


def test_days_follow_the_readers_time_zone(client, mentorship, mentee):
    # 23:30 and 00:30 UTC are one evening in New York: one line, not two.
    with time_machine.travel(DAY.replace(hour=23, minute=30), tick=False):
        write(mentorship, mentee, "Late")
    with time_machine.travel(DAY.replace(hour=23, minute=30) + datetime.timedelta(hours=1)):
        write(mentorship, mentee, "Later")
    mentee.time_zone = "America/New_York"
    mentee.save()
    client.force_login(mentee)
    assert "You wrote 2 messages" in titles_on(client.get(timeline_url(mentorship)))


@pytest.mark.parametrize("person", ["mentee", "mentor"])
def test_the_record_holds_messages_sent_and_received_with_document_names(
    client, mentorship, mentee, mentor, person
):
    write(mentorship, mentee, "Here is my CV", upload("cv.pdf", PDF))
    write(mentorship, mentor, "Thanks, comments tomorrow")
    client.force_login(mentee if person == "mentee" else mentor)
    record = json.loads(client.get("/record.json").content)
    assert [(m["from"], m["to"], m["text"], m["attachments"]) for m in record["messages"]] == [
        ("Sam Okafor", "Dr. Ines Alvarez", "Here is my CV", ["cv.pdf"]),
        ("Dr. Ines Alvarez", "Sam Okafor", "Thanks, comments tomorrow", []),
    ]
    page = client.get("/record/").content.decode()
    assert "Here is my CV" in page and "<strong>Attached:</strong> cv.pdf" in page


def test_the_record_holds_no_one_elses_messages(client, mentorship, mentee, mentor, outsider):
    write(mentorship, mentee, "Between us")
    client.force_login(outsider)
    assert json.loads(client.get("/record.json").content)["messages"] == []
