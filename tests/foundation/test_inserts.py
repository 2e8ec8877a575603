"""lib/inserts.py writes the sweeps' rows as INSERT ... SELECT / VALUES text (the ORM way,
rows built in Python and bulk_create, made the reminder sweep over 100,000 mentorships take
67 s against 17 s and the 60 s budget: PERFORMANCE.md). These compare what it writes with
the plain ORM on varied rows, and check that rows a unique key holds are skipped."""

import pytest
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat

from mentoring.lib.inserts import insert_select, insert_values
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user

FIELDS = ("recipient_id", "kind", "title", "dedupe_key")


def notices_for(mentorships):
    """One notice per mentorship to each side, as expressions the database computes."""
    key = Cast("pk", CharField())
    return [
        (
            mentorships,
            {
                "recipient_id": F(side),
                "kind": Value(f"test.{side}"),
                "title": Concat(Value("About mentorship "), key),
                "dedupe_key": Concat(Value(f"test:{side}:"), key),
            },
        )
        for side in ("mentor_id", "mentee_id")
    ]


def the_orm_way(sources):
    rows = set()
    for queryset, values in sources:
        rows |= {tuple(row[f] for f in FIELDS) for row in queryset.values(**values)}
    return rows


def written(ids):
    return set(Notification.objects.filter(pk__in=ids).values_list(*FIELDS))


@pytest.fixture
def mentorships(db):
    for n in range(7):
        make_mentorship(
            make_mentor(make_user(display_name=f"Dr. {n}")),
            make_mentee(make_user(display_name=f"Student {n}")),
        )
    return Mentorship.objects.all()


def test_insert_select_writes_what_the_orm_computes_and_skips_taken_keys(mentorships):
    sources = notices_for(
        mentorships.filter(pk__in=list(mentorships.values_list("pk", flat=True)[:5]))
    )
    taken = Notification.objects.create(
        recipient=mentorships[0].mentor,
        kind="test.mentor_id",
        title="Already sent",
        dedupe_key=f"test:mentor_id:{mentorships[0].pk}",
    )
    expected = {row for row in the_orm_way(sources) if row[3] != taken.dedupe_key}

    created = insert_select(Notification, sources)

    assert len(created) == 9 and written(created) == expected
    assert insert_select(Notification, sources) == []  # a doubled beat tick writes nothing
    assert Notification.objects.get(pk=taken.pk).title == "Already sent"


def test_insert_values_writes_the_rows_given_and_skips_taken_keys(mentorships):
    rows = [
        {
            "recipient_id": m.mentee_id,
            "kind": "test.values",
            "title": f"Row {n}",
            "dedupe_key": f"test:values:{n}",
        }
        for n, m in enumerate(mentorships)
    ]
    first = insert_values(Notification, rows[:3])
    created = insert_values(Notification, rows)

    assert len(first) == 3 and len(created) == len(rows) - 3
    assert written(first + created) == {tuple(row[f] for f in FIELDS) for row in rows}
    assert set(
        Notification.objects.filter(pk__in=created).values_list("email_status", flat=True)
    ) == {Notification.EmailStatus.PENDING}
