"""What came of mentoring, recorded by the mentee and confirmed by the mentor.

An outcome is the mentee's (the handout's don'ts: a mentor must not take credit for the
mentee's work), so only the mentee writes it. It is private until the mentee ties it to
one of their mentorships; from then that mentorship's mentor sees it and may confirm the
tie. Coordinators and staff see counts only (dashboards).

The API other apps read (the faculty portfolio among them) is the two confirmed_* scopes
below and confirmed_by_mentorship(); their names and meanings stay stable.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.mentorships.models import Mentorship

# Crossref's recommended pattern for modern DOIs; checked offline, never resolved.
DOI_PATTERN = r"10\.[0-9]{4,9}/[-._;()/:a-zA-Z0-9<>\[\]]+"
# PubMed ids are positive integers, eight digits today; nine leaves room to grow.
PMID_PATTERN = r"[1-9][0-9]{0,8}"

doi_validator = RegexValidator(
    rf"\A{DOI_PATTERN}\Z",
    "Enter a DOI such as 10.1097/ACM.0000000000001234 (it starts with “10.” and a slash "
    "follows the publisher's number).",
)
pmid_validator = RegexValidator(
    rf"\A{PMID_PATTERN}\Z", "Enter a PubMed id as digits only, e.g. 15671207."
)


def clean_doi(text):
    """A DOI as typed or pasted (a doi.org link, "doi:" in front) reduced to the bare DOI."""
    text = text.strip()
    text = re.sub(r"\A(https?://(dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.IGNORECASE)
    return text


def clean_pmid(text):
    text = text.strip()
    return re.sub(r"\A(pmid:?\s*)", "", text, flags=re.IGNORECASE)


class OutcomeQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(mentee=user)

    def visible_to(self, user):
        """The mentee's own outcomes, and outcomes tied to a mentorship this person mentors
        (open or closed: a paper often comes after the relationship ended)."""
        return self.filter(
            Q(mentee=user) | Q(pk__in=OutcomeTie.objects.of_mentor(user).values("outcome_id"))
        )

    def tied_to(self, mentorship):
        return self.filter(ties__mentorship=mentorship)

    def confirmed_for_mentor(self, user):
        """Outcomes whose tie to a mentorship this person mentors the mentor confirmed.
        Stable API: the faculty portfolio reads it."""
        return self.filter(
            pk__in=OutcomeTie.objects.of_mentor(user).confirmed().values("outcome_id")
        )


class Outcome(models.Model):
    """Something the mentee achieved: a paper, a poster, a grant, a match result."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", "Publication"
        PRESENTATION = "presentation", "Presentation or poster"
        GRANT = "grant", "Grant or award"
        RESEARCH = "research", "Research project"
        MATCH = "match", "Residency match or programme"
        LEADERSHIP = "leadership", "Leadership role"
        OTHER = "other", "Other"

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=300)
    # The day it happened: published, presented, awarded, matched. Never in the future.
    achieved_on = models.DateField("date")
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[doi_validator])
    pmid = models.CharField("PubMed id", max_length=9, blank=True, validators=[pmid_validator])
    venue = models.CharField(max_length=300, blank=True)
    details = models.TextField(max_length=2000, blank=True)
    mentorships = models.ManyToManyField(
        Mentorship, through="OutcomeTie", blank=True, related_name="outcomes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["-achieved_on", "-pk"]
        indexes = [models.Index(fields=["mentee", "achieved_on"])]

    def __str__(self):
        # Not the title: the admin lists related rows by str(), and the words are the mentee's.
        return f"Outcome #{self.pk}"

    @property
    def doi_url(self):
        return f"https://doi.org/{quote(self.doi, safe='/')}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""


class OutcomeTieQuerySet(models.QuerySet):
    def of_mentor(self, user):
        return self.filter(mentorship__mentor=user)

    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class OutcomeTie(models.Model):
    """An outcome tied to one of the mentee's mentorships, and the mentor's confirmation."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="ties")
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="+")
    tied_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = OutcomeTieQuerySet.as_manager()

    class Meta:
        ordering = ["tied_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "mentorship"], name="one_tie_per_mentorship")
        ]
        indexes = [models.Index(fields=["mentorship", "confirmed_at"])]

    def __str__(self):
        return f"Outcome #{self.outcome_id} tied to mentorship #{self.mentorship_id}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


def confirmed_by_mentorship(mentor, since=None, until=None):
    """{mentorship id: [Outcome, ...]} of the outcomes this mentor confirmed, oldest first,
    dated within [since, until] when given. Stable API: the faculty portfolio reads it.
    One query."""
    ties = (
        OutcomeTie.objects.of_mentor(mentor)
        .confirmed()
        .select_related("outcome")
        .order_by("outcome__achieved_on", "outcome_id")
    )
    if since is not None:
        ties = ties.filter(outcome__achieved_on__gte=since)
    if until is not None:
        ties = ties.filter(outcome__achieved_on__lte=until)
    found = {}
    for tie in ties:
        found.setdefault(tie.mentorship_id, []).append(tie.outcome)
    return found
