"""`manage.py bench_sweeps`: times the sweeps, keeps nothing, and leaves no dead rows."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from bench.sweep import parse_sweep_output
from mentoring.conversations.models import Message
from mentoring.notifications.models import Notification


def dead_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE relname = %s",
            [table],
        )
        return cursor.fetchone()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_run_is_rolled_back_and_vacuumed_away():
    users = User.objects.count()
    tables = (User._meta.db_table, Notification._meta.db_table)
    before = {table: dead_rows(table)[1] for table in tables}
    out = StringIO()
    call_command("bench_sweeps", "--mentorships", "300", stdout=out)
    report = out.getvalue()
    first, second = parse_sweep_output(report)["passes"]
    assert sum(sweep["sent"] for sweep in first["sweeps"]) > 0
    assert sum(sweep["sent"] for sweep in second["sweeps"]) == 0
    by_label = {sweep["sweep"]: sweep for sweep in first["sweeps"]}
    assert by_label["unanswered messages"]["sent"] > 0
    assert by_label["usual answer times"]["sent"] > 0
    assert "Vacuumed what the rollback left" in report
    assert User.objects.count() == users
    assert not Notification.objects.exists()
    assert not Message.objects.exists()
    for table in tables:
        dead, vacuumed = dead_rows(table)
        assert vacuumed is not None and (before[table] is None or vacuumed > before[table])
        assert dead == 0
