"""Which mentors a student finds: those who mentor in the student's programme.

A school with one programme filters nothing (every mentor mentors in it), so that the
directory's plans stay as PERFORMANCE.md measured them. With several, the filter is an
EXISTS on MentorProfile.programmes' table, probed by its unique (mentor, programme) index.
"""

from django.db.models import Exists, OuterRef

from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.programmes.models import school_has_several_programmes


def in_programme(programme_id):
    """A filter on MentorProfile rows: the mentor mentors in this programme."""
    through = MentorProfile.programmes.through
    return Exists(
        through.objects.filter(mentorprofile_id=OuterRef("pk"), programme_id=programme_id)
    )


def programme_filter(user):
    """The programme whose mentors this person is shown, or None for every mentor: a
    student's own programme once the school has several; faculty, staff and students who
    have not said their programme see everyone. One query when the school has several
    programmes, none otherwise (the count is kept in the cache)."""
    if not school_has_several_programmes():
        return None
    return (
        MenteeProfile.objects.filter(user_id=user.pk).values_list("programme_id", flat=True).first()
    )


def programme_of_profile(profile):
    """As programme_filter, for a MenteeProfile already loaded (recommendations)."""
    if profile.programme_id is None or not school_has_several_programmes():
        return None
    return profile.programme_id
