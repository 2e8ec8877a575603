"""Demo consents for the faculty mentoring portfolio: some of the demo faculty member's
mentees agreed to be named in it, so that their portfolio shows both a named mentee and
one described by programme and stage. Idempotent: a mentorship whose mentee has chosen
already is left as it is."""

from mentoring.demo.school import DEMO_FACULTY_EMAIL
from mentoring.mentorships.models import Mentorship
from mentoring.portfolio.models import PortfolioConsent


def add_portfolio_consents():
    mentorships = Mentorship.objects.filter(
        mentor__email=DEMO_FACULTY_EMAIL, portfolio_consent__isnull=True
    ).order_by("pk")
    PortfolioConsent.objects.bulk_create(
        PortfolioConsent(mentorship=mentorship, is_named=n % 2 == 0)
        for n, mentorship in enumerate(mentorships)
    )
