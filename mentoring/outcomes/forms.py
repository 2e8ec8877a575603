import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone

from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import Outcome, clean_doi, clean_pmid

EARLIEST_OUTCOME = datetime.date(1990, 1, 1)
# What a mentor confirms: changing any of these asks them again. The details are the
# mentee's own notes and change nothing the mentor vouched for.
CLAIM = ("kind", "title", "achieved_on", "venue", "doi", "pmid")
NOT_YOURS = (
    "Choose among the mentorships listed: that one is not one of yours, or its mentor has left."
)


class MentorshipChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, mentorship):
        started = f"{mentorship.started_on:%B %Y}"
        if mentorship.status != Mentorship.Status.CLOSED or mentorship.closed_at is None:
            return f"{mentorship.mentor} (since {started})"
        return f"{mentorship.mentor} ({started} to {mentorship.closed_at:%B %Y})"


class OutcomeForm(forms.ModelForm):
    """An outcome and the mentorships it came from. The mentee is the instance's, never the
    POST's; the mentorships offered are the mentee's own, open or closed (a paper often
    appears after the relationship ended)."""

    tie_to = MentorshipChoiceField(
        queryset=Mentorship.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Which mentorships it came from",
        help_text="Each mentor you tick sees this outcome and is asked to confirm it. "
        "With none ticked, it is private: only you see it.",
        error_messages={"invalid_choice": NOT_YOURS, "invalid_pk_value": NOT_YOURS},
    )

    # Longer than the column: "PMID: 15671207" as pasted from PubMed is trimmed to digits
    # before the model checks it.
    pmid = forms.CharField(
        label="PubMed id",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text="Optional, for publications: the PubMed id, digits only.",
    )

    class Meta:
        model = Outcome
        fields = ["kind", "title", "achieved_on", "venue", "doi", "pmid", "details"]
        widgets = {
            "kind": forms.RadioSelect,
            "achieved_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "details": forms.Textarea(attrs={"rows": 4}),
            "doi": forms.TextInput(attrs={"autocapitalize": "off", "spellcheck": "false"}),
        }
        labels = {
            "kind": "Kind of outcome",
            "title": "Title",
            "achieved_on": "Date",
            "venue": "Journal, conference, funder or programme",
        }
        help_texts = {
            "title": "The paper's or poster's title, the grant's or role's name, the programme "
            "you matched to. Up to 300 characters.",
            "achieved_on": "When it was published, presented, awarded or announced. "
            "Not in the future.",
            "venue": "Optional.",
            "doi": "Optional, for publications: e.g. 10.1097/ACM.0000000000001234. "
            "A doi.org link works too.",
            "details": "Optional: your part in it, co-authors, what it led to. "
            "Up to 2000 characters.",
        }
        error_messages = {
            "kind": {"required": "Choose the kind of outcome."},
            "title": {"required": "Give the outcome a title."},
            "achieved_on": {
                "required": "Enter the date it happened.",
                "invalid": "Enter the date as a day, month and year.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "---------" choice; the field stays required.
        self.fields["kind"].choices = Outcome.Kind.choices
        # Validated against this queryset: a crafted POST naming anyone else's mentorship
        # is refused with a message, never tied.
        self.tied_before = set()
        self.claimed_before = {name: getattr(self.instance, name) for name in CLAIM}
        if self.instance.pk:
            self.tied_before = set(self.instance.ties.values_list("mentorship_id", flat=True))
            self.fields["tie_to"].initial = sorted(self.tied_before)
        # A mentor who deleted their account (the "Former member") can confirm nothing: not
        # offered for a new tie, though a tie made before stays, so that saving keeps it.
        self.fields["tie_to"].queryset = (
            Mentorship.objects.filter(mentee_id=self.instance.mentee_id)
            .filter(Q(mentor__is_active=True) | Q(pk__in=self.tied_before))
            .select_related("mentor")
            .order_by("-started_on", "-pk")
        )

    def clean_achieved_on(self):
        day = self.cleaned_data["achieved_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                "The date can't be in the future: record an outcome once it has happened."
            )
        if day < EARLIEST_OUTCOME:
            raise forms.ValidationError("Enter a date in 1990 or later.")
        return day

    def clean_doi(self):
        return clean_doi(self.cleaned_data["doi"])

    def clean_pmid(self):
        return clean_pmid(self.cleaned_data["pmid"])

    @property
    def claim_changed(self):
        """Whether what a mentor confirmed changed (compared cleaned, so that a DOI pasted
        again as a doi.org link is no change)."""
        return any(getattr(self.instance, name) != self.claimed_before[name] for name in CLAIM)
