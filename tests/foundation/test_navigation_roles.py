"""The navigation's one statement of SQL (mentoring/navigation.py) says what the ORM says."""

import pytest

from mentoring.clerkships.models import Clerkship
from mentoring.conversations.models import Message
from mentoring.feedback.models import Reassessment
from mentoring.mentorships import asking
from mentoring.mentorships.models import MentorshipRequest
from mentoring.navigation import roles_of
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.programmes.models import Programme
from tests.conversations.helpers import write
from tests.factories import make_clerkship, make_mentee, make_mentor, make_mentorship, make_user

pytestmark = pytest.mark.django_db


def roles_by_orm(user):
    """The plain ORM reading of each role and count, the reference for roles_of()."""
    return {
        "is_mentee": MenteeProfile.objects.filter(user=user).exists(),
        "is_mentor": MentorProfile.objects.filter(user=user).exists(),
        "is_coordinator": Clerkship.objects.coordinated_by(user).exists()
        or Programme.objects.coordinated_by(user).exists(),
        "unread": Notification.objects.for_user(user).unread().count(),
        "to_answer": MentorshipRequest.objects.awaiting_answer_from(user).count(),
        "unread_messages": Message.objects.unread_by(user).count(),
        "has_pending_requests": MentorshipRequest.objects.pending().visible_to(user).exists(),
        "has_open_reassessments": Reassessment.objects.open().filter(respondent=user).exists(),
        "hears_concerns": Programme.objects.coordinated_by(user).exists()
        or Programme.objects.with_ombudsperson(user).exists(),
    }


def test_every_persons_roles_and_counts_match_the_orm():
    ada = make_mentor(make_mentee(make_user()))  # a student who also mentors
    ben, cleo, dev = make_mentor(capacity=5), make_mentee(), make_mentee()
    coordinator, nobody, programme_coordinator = make_user(), make_user(), make_user()
    ombudsperson = make_user()
    make_clerkship(coordinators=[coordinator, ben])
    pa_studies = Programme.objects.create(name="PA studies")
    pa_studies.coordinators.add(programme_coordinator)
    pa_studies.ombudspeople.add(ombudsperson)
    asked = asking.ask(cleo, ben, message="Could you help?")  # ben must answer
    asking.ask(dev, ben, message="Me too?")
    asking.invite(ben, ada)  # ada must answer the invitation, ben waits
    asking.decline(asked, ben)  # answered: no longer counts for ben
    asking.ask(cleo, ada, message="And you?")
    pair = make_mentorship(ada, dev)
    Reassessment.objects.create(mentorship=pair, respondent=dev, due_on=pair.started_on)
    write(pair, ada, "First")
    write(pair, ada, "Second")  # dev has two unread messages
    Message.objects.filter(recipient=dev).update(read_at=None)
    write(pair, dev, "Read them")  # ada one
    Message.objects.filter(recipient=ada).update(read_at=pair.created_at)  # and has read it
    for person, read in [(ben, False), (ben, False), (ben, True), (cleo, False)]:
        notice = notify(person, "test.note", "A note")
        if read:
            Notification.objects.filter(pk=notice.pk).update(read_at=notice.created_at)

    people = [ada, ben, cleo, dev, coordinator, nobody, programme_coordinator, ombudsperson]
    assert roles_of(programme_coordinator)["is_coordinator"]
    # Concerns come to a programme's coordinators and ombudspeople, not a clerkship's.
    assert [roles_of(p)["hears_concerns"] for p in (programme_coordinator, ombudsperson)] == [
        True,
        True,
    ]
    assert not roles_of(coordinator)["hears_concerns"]
    assert [roles_of(p) for p in people] == [roles_by_orm(p) for p in people]
    # The data above is varied enough to mean something.
    assert roles_of(ben) == {
        "is_mentee": False,
        "is_mentor": True,
        "is_coordinator": True,
        # One read by hand, and the notice of the request ben declined, settled by it.
        "unread": Notification.objects.filter(recipient=ben).count() - 2,
        "to_answer": 1,
        "unread_messages": 0,
        "has_pending_requests": True,
        "has_open_reassessments": False,
        "hears_concerns": False,
    }
    assert roles_of(ada)["to_answer"] == 2
    assert (roles_of(dev)["unread_messages"], roles_of(ada)["unread_messages"]) == (2, 0)
    assert roles_of(dev)["has_open_reassessments"] and not roles_of(ada)["has_open_reassessments"]
    assert roles_of(nobody) == dict.fromkeys(roles_by_orm(nobody), False) | {
        "unread": 0,
        "to_answer": 0,
        "unread_messages": 0,
    }
