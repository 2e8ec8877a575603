"""The roles a person holds: mentee, mentor or both (a resident mentors and is mentored)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentoring.profiles.models import MenteeProfile, MentorProfile, VerifiedHow
from mentoring.profiles.verification import verify
from mentoring.programmes.models import Programme


class Role(models.TextChoices):
    MENTEE = "mentee", "I'm looking for mentors (student or resident)"
    MENTOR = "mentor", "I mentor learners (faculty, or a resident who mentors students)"


def add_roles(user, roles):
    # A school with one programme puts everyone in it; with several, the person says which
    # (profiles/programme_fields.py), or a roster does.
    programme = Programme.objects.only_one()
    if Role.MENTEE in roles:
        MenteeProfile.objects.get_or_create(user=user, defaults={"programme": programme})
    if Role.MENTOR in roles:
        # Saying one mentors is saying one is available: no check-in this term.
        profile, created = MentorProfile.objects.get_or_create(
            user=user, defaults={"availability_confirmed_at": timezone.now()}
        )
        if created:
            if programme is not None:
                profile.programmes.add(programme)
            if not settings.MENTOR_VERIFICATION:
                # The school trusts its sign-up domains: no one confirms faculty here.
                verify(user, how=VerifiedHow.DOMAIN)
                profile.refresh_from_db()
            profile.refresh_search_text()  # findable by name before the profile is filled in
