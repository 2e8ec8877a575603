"""What a profile still lacks, in words: the answers that would make a mentee's
recommendations fit better, and what a mentor must say before the directory lists them.

One list each, read by the recommendations page, the home page's next steps and the
profile pages alike, so that they never name different things."""

# The mentee's answers that recommendations use (or that mentors read before answering,
# the vision), in the order the set-up asks them.
MENTEE_ANSWERS = [
    ("stage", "your stage of training"),
    ("interests", "your interests"),
    ("areas", "the areas you want help with"),
    ("vision", "your vision for the future"),
    ("modes", "how you like to meet"),
]

# What a mentor's profile needs before students find it (MentorProfile.is_complete).
MENTOR_LISTING_NEEDS = [
    ("interests", "your interests"),
    ("areas", "the areas you offer"),
    ("capacity", "how many mentees you can take"),
]


def missing(needs, **answered):
    """The labels of the needs not answered, in order; answered maps each key to truthy
    when it is given (a count, a text, a flag)."""
    return [label for key, label in needs if not answered[key]]


def mentee_missing(*, stage, interests, areas, vision, modes):
    return missing(
        MENTEE_ANSWERS, stage=stage, interests=interests, areas=areas, vision=vision, modes=modes
    )


def mentor_missing(*, interests, areas, capacity):
    return missing(MENTOR_LISTING_NEEDS, interests=interests, areas=areas, capacity=capacity)


def in_words(labels):
    """ "a", "a and b", "a, b and c"."""
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} and {labels[-1]}"
