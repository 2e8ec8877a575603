"""Small random helpers shared by the planners: weighted draws, dates and meeting times."""

import datetime
import itertools


class Weighted:
    """Draw one of a few values by weight; cumulative weights are summed once, not per draw
    (the planners draw millions of times)."""

    def __init__(self, weights):
        self.values = list(weights)
        self.cum_weights = list(itertools.accumulate(weights.values()))

    def draw(self, rng):
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]

    def draws(self, rng, count):
        return rng.choices(self.values, cum_weights=self.cum_weights, k=count)


def at_hour(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=datetime.UTC)


def business_hours(rng, day):
    """An afternoon slot in UTC: morning to late afternoon in the Americas."""
    return at_hour(day, rng.randint(13, 21), rng.choice([0, 15, 30, 45]))


def days_between(rng, start, end):
    """A random date from start to end inclusive (start if the range is empty)."""
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def moment_between(rng, start, end):
    """A random moment from start to end (end if the range is empty)."""
    return start + (end - start) * rng.random() if end > start else end
