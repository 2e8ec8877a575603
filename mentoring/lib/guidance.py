"""Short prompts fitted to the mentee's stage, shown beside meeting and feedback forms.

Written from DOMAIN.md: early learners are helped by directive, concrete mentoring with
short tasks, deadlines and detailed feedback; advanced learners by a sounding board,
long-term planning and growing independence. Mentors ask more than they advise, name
strengths, give feedback and track progress.
"""

MEETING = {
    ("mentor", True): [
        "Agree one or two concrete tasks with a date each, and write them as action items.",
        "Check last time's action items first; tracking progress closely helps early on.",
        "Ask before advising: “What have you tried so far?”",
    ],
    ("mentor", False): [
        "Ask them to reason aloud: “What are the options, and what draws you to each?”",
        "Talk about the long run: where they want to be in five years, and the next step.",
        "Hand back the decision; a sounding board helps more than an answer.",
    ],
    ("mentee", True): [
        "Bring an agenda: two or three things you want help with today.",
        "Ask for specific feedback on one piece of work.",
        "Leave with clear next steps and dates, and follow through.",
    ],
    ("mentee", False): [
        "Bring a decision you are weighing and your own reasoning about it.",
        "Ask about their path: what they would do differently, whom else to talk to.",
        "Say which goals have changed since you last met.",
    ],
}

FEEDBACK = {
    True: [
        "Name a strength you saw, with the moment you saw it.",
        "Pick one thing to work on, concrete enough to practise this week.",
        "Set the next challenge with a date: support and challenge together create growth.",
    ],
    False: [
        "Name the strength they can build a career on.",
        "Frame what to work on as a question they can answer themselves.",
        "Tie the next challenge to their vision for the future.",
    ],
}


def meeting_prompts(role, mentee_is_early):
    return MEETING[(role, mentee_is_early)]


def feedback_prompts(mentee_is_early):
    return FEEDBACK[mentee_is_early]
