"""The long message thread is a key page of the benchmark, read by its mentor."""

import pytest

from bench import data
from bench.pages import BUDGETS, DASHBOARD_P95_MS, PAGES
from mentoring.conversations.models import Message
from tests.test_seed_scale import seed


def test_the_thread_page_is_a_key_page_with_the_summary_pages_budget():
    page = next(page for page in PAGES if page.key == "thread")
    assert page.is_key_page and page.p95_budget_ms == DASHBOARD_P95_MS == 300
    assert page.path == "/mentorships/{thread_mentorship_id}/messages/"
    assert page.persona == "thread"
    assert BUDGETS.max_queries == 12


@pytest.mark.postgres
def test_the_harness_reads_the_thread_and_its_mentor_from_the_sign_ins(db, tmp_path):
    sign_ins = seed(tmp_path)

    people, values = data.resolve_values(sign_ins)

    thread_id = values["thread_mentorship_id"]
    assert thread_id == sign_ins["thread_mentorship_id"]
    assert Message.objects.filter(mentorship=thread_id).count() == 500
    assert people["thread"].mentorships_as_mentor.filter(pk=thread_id).exists()
    assert data.dataset_counts()["messages"] == Message.objects.count()


@pytest.mark.postgres
def test_without_a_named_thread_the_benchmarked_mentorship_s_is_read(db, tmp_path):
    sign_ins = seed(tmp_path)
    del sign_ins["thread_mentorship_id"]  # a users file written before the messages
    people, values = data.resolve_values(sign_ins)
    assert values["thread_mentorship_id"] == sign_ins["mentorship_id"]
    assert people["thread"] == people["pair"]
