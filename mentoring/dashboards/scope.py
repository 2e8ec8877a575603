"""Who and when a dashboard looks at, and the shape of the tables it shows.

"In scope" is spelled here once: every figure and every student-level list starts from
Scope.students(), a subquery, so that a coordinator's view is one branch in one place.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, Rotation
from mentoring.profiles.models import MenteeProfile
from mentoring.programmes.models import Programme


def midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass(frozen=True)
class Scope:
    """Who and when a dashboard looks at: a clerkship or a programme (neither for the whole
    school) and a period of whole days, start and end included, in the viewer's time zone."""

    clerkship: Clerkship | None
    start: datetime.date
    end: datetime.date
    programme: Programme | None = None

    @property
    def place(self):
        """The dashboard's name in cache keys and file names: never another's figures."""
        if self.clerkship is not None:
            return f"clerkship-{self.clerkship.pk}"
        if self.programme is not None:
            return f"programme-{self.programme.pk}"
        return "school"

    @property
    def title(self):
        if self.clerkship is not None:
            return str(self.clerkship)
        if self.programme is not None:
            return f"{self.programme} programme"
        return "The whole school"

    @property
    def starts_at(self):
        return midnight(self.start)

    @property
    def ends_before(self):
        return midnight(self.end + datetime.timedelta(days=1))

    def moment_in_period(self, name):
        return Q(**{f"{name}__gte": self.starts_at, f"{name}__lt": self.ends_before})

    def students(self):
        """Students in scope: a rotation in the clerkship overlapping the period; for a
        programme, its students (MenteeProfile.programme); for the school, everyone with a
        mentee profile. Deactivated accounts are left out."""
        if self.clerkship is not None:
            belongs = Rotation.objects.filter(
                student=OuterRef("pk"), clerkship=self.clerkship
            ).overlapping(self.start, self.end)
        elif self.programme is not None:
            belongs = MenteeProfile.objects.filter(user=OuterRef("pk"), programme=self.programme)
        else:
            belongs = MenteeProfile.objects.filter(user=OuterRef("pk"))
        return User.objects.filter(Exists(belongs), is_active=True)


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Table:
    """One table of a dashboard, as shown and as downloaded: the same figures both ways."""

    name: str  # its ?export= name
    caption: str
    headers: list
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    shown_limit: int | None = None
    left_out: int = 0  # rows beyond the shown ones that this copy no longer holds
    empty_text: str = "Nothing to show for this period."

    @property
    def shown_rows(self):
        return self.rows if self.shown_limit is None else self.rows[: self.shown_limit]

    @property
    def labelled_rows(self):
        """The shown rows as (header, cell) pairs: on a phone each row stacks into lines
        that carry their column's name."""
        return [list(zip(self.headers, row, strict=False)) for row in self.shown_rows]

    @property
    def hidden_count(self):
        return len(self.rows) - len(self.shown_rows) + self.left_out

    def as_shown(self):
        """A copy with only the rows the page shows, to keep in the cache: the school's
        faculty load has ~10,000 rows, and only the CSV (read fresh) lists them all."""
        return replace(self, rows=self.shown_rows, left_out=self.hidden_count)
