"""Conflict of interest: a mentor who also grades the mentee in a clerkship they rotate in."""

import datetime

from django.utils import timezone

from mentoring.clerkships.models import Clerkship

# Grades are often settled weeks after a rotation ends; count recent rotations too.
RECENT = datetime.timedelta(days=90)


def grading_conflicts(mentor_id, mentee_id):
    """Names of clerkships where the mentor grades and the mentee rotates now, soon or lately."""
    return list(
        Clerkship.objects.filter(
            faculty__faculty_id=mentor_id,
            faculty__is_grader=True,
            rotations__student_id=mentee_id,
            rotations__ends_on__gte=timezone.localdate() - RECENT,
        )
        .distinct()
        .values_list("name", flat=True)
    )
