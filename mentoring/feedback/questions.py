"""The reassessment questions, in our own words, after instruments whose items are open:
the Mentoring Competency Assessment's six competencies (communication, aligning
expectations, assessing understanding, fostering independence, addressing diversity,
promoting professional development) and the Ideal Mentor Scale's integrity, guidance and
relationship; the mentor's self-check follows the do's and don'ts of DOMAIN.md.

Each scored question is answered on SCALE; keys are stored in Reassessment.scores.
"""

SCALE = [(1, "Rarely"), (2, "Sometimes"), (3, "Often"), (4, "Usually"), (5, "Always")]
SATISFACTION = [
    (1, "Very dissatisfied"),
    (2, "Dissatisfied"),
    (3, "Neutral"),
    (4, "Satisfied"),
    (5, "Very satisfied"),
]

MENTEE_SCORES = [
    ("communication", "We listen to each other, and I can raise what matters to me."),
    ("expectations", "We agree on what we expect of each other."),
    ("understanding", "We check that we have understood each other."),
    ("independence", "I am taking more of the decisions myself."),
    ("perspective", "My mentor asks about my perspective rather than assuming it."),
    ("development", "This relationship helps me grow toward my goals."),
    ("integrity", "My mentor puts my interests first."),
    ("guidance", "My mentor points me to people and resources beyond themselves."),
    ("relationship", "I can talk openly with my mentor."),
]

MENTOR_SCORES = [
    ("available", "I am available when my mentee needs me, in person, by phone or online."),
    ("asks_questions", "I ask questions more than I give advice."),
    ("strengths", "I name my mentee's strengths."),
    ("gives_feedback", "I give specific feedback."),
    ("tracks_progress", "I follow up on goals and action items."),
    ("perspective", "I ask about my mentee's perspective rather than assuming it."),
    ("independence", "I hand decisions back to my mentee as they grow."),
]

MENTOR_DONTS = [
    ("own_agenda", "I have steered my mentee toward my own agenda."),
    ("free_labour", "I have asked for work that serves me more than them."),
    ("took_credit", "I have taken credit for my mentee's work."),
    ("clone", "I have tried to make my mentee a copy of me."),
]

WARNING_SIGNS = [
    (
        "over_dependence",
        "Over-dependence: every decision comes to the mentor, or one mentor "
        "is the only source of advice and opportunities.",
    ),
    ("passivity", "Passivity: the mentee never disagrees, so as not to rock the boat."),
    ("over_idealising", "Over-idealising: the mentor is seen as someone who cannot be wrong."),
]

REMEDIES = {
    "over_dependence": "Encourage other mentors and resources, and hand responsibility for "
    "learning back to the mentee.",
    "passivity": "Invite disagreement openly: ask what they would do differently.",
    "over_idealising": "A reminder helps: mentors are human and make mistakes too.",
}


def scored_questions(is_mentor):
    return MENTOR_SCORES if is_mentor else MENTEE_SCORES


def checkbox_questions(is_mentor):
    return (MENTOR_DONTS if is_mentor else []) + WARNING_SIGNS


def answered(prompt):
    """The answers as (question, answer) pairs, for reading back."""
    labels = dict(scored_questions(prompt.is_mentor))
    scale = dict(SCALE)
    signs = dict(checkbox_questions(prompt.is_mentor))
    rows = [(labels.get(key, key), scale.get(value, value)) for key, value in prompt.scores.items()]
    rows += [("Noticed", signs.get(key, key)) for key in prompt.warning_signs]
    return rows
