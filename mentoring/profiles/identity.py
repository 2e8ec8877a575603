"""People's own words made comparable: one key per term, and the optional gender answer.

Kept apart from models.py, which holds the tables; dashboards and matching read these too.
"""

from django.db import models


def normalise_term(text):
    """One key for one idea: 'Addiction  Psychiatry ' and 'addiction psychiatry' are one."""
    return " ".join(text.split()).casefold()


class Gender(models.TextChoices):
    """The listed answers to the optional gender question; no answer is stored as ""."""

    WOMAN = "woman", "Woman"
    MAN = "man", "Man"
    NON_BINARY = "non-binary", "Non-binary"
    SELF_DESCRIBED = "self-described", "Prefer to self-describe"
    NOT_SAID = "not-said", "Prefer not to say"


# Free text that means one listed answer beyond doubt, normalised (normalise_term). Used by
# the form and by migration 0006 on the answers typed before the list existed; anything
# else stays self-described.
GENDER_WORDS = {
    "woman": Gender.WOMAN,
    "female": Gender.WOMAN,
    "f": Gender.WOMAN,
    "man": Gender.MAN,
    "male": Gender.MAN,
    "m": Gender.MAN,
    "non-binary": Gender.NON_BINARY,
    "nonbinary": Gender.NON_BINARY,
    "non binary": Gender.NON_BINARY,
    "prefer not to say": Gender.NOT_SAID,
}


def gender_from_words(text):
    """The listed answer these words mean beyond doubt, or None."""
    return GENDER_WORDS.get(normalise_term(text))


def gender_to_compare(gender, self_described):
    """What "a mentor who shares my gender" compares: the listed answer, or the person's own
    words when they self-describe; nothing for "prefer not to say" or no answer."""
    if gender == Gender.SELF_DESCRIBED:
        return self_described
    if gender == Gender.NOT_SAID:
        return ""
    return gender
