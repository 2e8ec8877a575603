"""The drills' seeded-database template: never used on another day or by other code, and
earlier days' templates dropped. (Cloning itself runs in every drill after the first of the
day: test_scaleout_drill.py and test_soak_drill.py share one.)"""

import datetime

import pytest

from bench import data
from drills import demo_database
from tests.test_bench_harness import database_url


def test_a_template_is_named_for_its_day_and_its_code():
    today = datetime.date(2026, 12, 7)
    name = demo_database.template_name(today)
    assert name == f"mentoring_drilltemplate_20261207_{demo_database.code_hash()}"
    assert demo_database.template_name(today + datetime.timedelta(days=1)) != name
    assert len(demo_database.code_hash()) == 12


@pytest.mark.postgres
def test_earlier_days_templates_are_dropped_and_todays_kept():
    admin = demo_database.admin_url(database_url("postgres"))
    old = f"{demo_database.PREFIX}20000101_0123456789ab"
    other_code_today = f"{demo_database.PREFIX}20261207_ba9876543210"
    keep = f"{demo_database.PREFIX}20261207_0123456789ab"
    for name in (old, other_code_today):
        demo_database.statement(admin, f'DROP DATABASE IF EXISTS "{name}"')
        demo_database.statement(admin, f'CREATE DATABASE "{name}"')
    try:
        demo_database.drop_stale_templates(admin, keep)
        assert not demo_database.exists(admin, old)
        assert demo_database.exists(admin, other_code_today)
    finally:
        for name in (old, other_code_today):
            data.run_statement(admin, f'DROP DATABASE IF EXISTS "{name}"', autocommit=True)
