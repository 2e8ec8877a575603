"""What a mentee lets their mentors' portfolios show of them.

A faculty member's mentoring portfolio (figures.py) is a record for a promotion dossier;
the people in it are learners, so each decides (DOMAIN.md: named only with the mentee's
consent). Both consents default to no, and the portfolio reads them when it is drawn,
so a withdrawal takes effect at once.
"""

from django.conf import settings
from django.db import models

from mentoring.feedback.models import Feedback
from mentoring.mentorships.models import Mentorship


class PortfolioConsent(models.Model):
    """The mentee's choices for one mentorship: whether the mentor's portfolio names them
    (otherwise it describes them by programme and stage at the start), and which of their
    own feedback entries to the mentor it may quote."""

    mentorship = models.OneToOneField(
        Mentorship, on_delete=models.CASCADE, related_name="portfolio_consent"
    )
    is_named = models.BooleanField("name me in my mentor's portfolio", default=False)
    quoted_feedback = models.ManyToManyField(
        Feedback, blank=True, related_name="quoted_in", verbose_name="feedback it may quote"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Portfolio consent for mentorship #{self.mentorship_id}"


class LineageConsent(models.Model):
    """One person's choice, for all their former mentors: once they mentor others here,
    may their former mentors' portfolios and profiles name them in the lineage line."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lineage_consent"
    )
    is_shown = models.BooleanField("show me in my mentors' lineage", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Lineage consent of user #{self.user_id}"
