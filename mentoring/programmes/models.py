"""Programmes (MD, PA studies, a residency) and their ordered stages of training.

A student belongs to one programme and one of its stages (profiles.MenteeProfile); faculty
say which programmes they mentor in (profiles.MentorProfile.programmes); a clerkship belongs
to one programme. A stage's is_early flag chooses the guidance (DOMAIN.md: directive and
concrete for early learners, a sounding board later) and the areas that fit
(profiles.Area.stage_fit). Staff manage programmes, stages and coordinators in the admin.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.functions import Lower


class MdStage(models.TextChoices):
    """The stages the site knew before programmes, in order, by the short keys it stored
    then; their labels are the default programme's Stage names. The demo and scale data
    plan students with these keys. (Migration programmes 0002 keeps its own copy.)"""

    PRECLINICAL = "preclinical", "Preclinical years"
    CLERKSHIP = "clerkship", "Clerkship year"
    FINAL = "final", "Final year"
    RESIDENT = "resident", "Resident"


# Early learners are helped by directive, concrete mentoring; advanced ones by a sounding board.
MD_EARLY = {MdStage.PRECLINICAL, MdStage.CLERKSHIP}
# (name, is_early) for Programme.add_stages: the default programme (settings.DEFAULT_PROGRAMME_NAME)
# is made with them.
MD_STAGES = [(stage.label, stage in MD_EARLY) for stage in MdStage]


def normalise_name(text):
    """One spelling for a name typed in a roster or a form: single spaces, no ends."""
    return " ".join(str(text).split())


PROGRAMME_COUNT_KEY = "programmes:count"
PROGRAMME_COUNT_KEPT_FOR = 10 * 60


def forget_programme_count(**kwargs):
    """Signal receiver (apps.py): a programme was made or deleted."""
    cache.delete(PROGRAMME_COUNT_KEY)


class ProgrammeQuerySet(models.QuerySet):
    def by_name(self, name):
        """The programme of this name, whatever its case and spacing ("md", " MD ");
        raises Programme.DoesNotExist. For imports: a roster's `programme` column."""
        return self.get(name__iexact=normalise_name(name))

    def coordinated_by(self, user):
        return self.filter(coordinators=user)

    def with_ombudsperson(self, user):
        return self.filter(ombudspeople=user)

    def visible_to(self, user):
        """Programmes whose dashboards this person may open: the ones they coordinate, or
        all of them for staff."""
        return self.all() if user.is_staff else self.coordinated_by(user)

    def only_one(self):
        """The school's programme when it has exactly one, else None: with one programme,
        new profiles are put in it without asking."""
        found = list(self.all()[:2])
        return found[0] if len(found) == 1 else None

    def default(self):
        """The programme named by settings.DEFAULT_PROGRAMME_NAME (where existing rows were
        put when programmes came), made with MD_STAGES if it is missing."""
        try:
            return self.by_name(settings.DEFAULT_PROGRAMME_NAME)
        except Programme.DoesNotExist:
            programme = self.create(name=normalise_name(settings.DEFAULT_PROGRAMME_NAME))
            programme.add_stages(MD_STAGES)
            return programme


def school_has_several_programmes():
    """Whether students must be told apart by programme at all (from the cache): with one
    programme the directory and recommendations filter nothing."""
    count = cache.get(PROGRAMME_COUNT_KEY)
    if count is None:
        count = Programme.objects.count()
        cache.set(PROGRAMME_COUNT_KEY, count, PROGRAMME_COUNT_KEPT_FOR)
    return count > 1


class Programme(models.Model):
    """A programme of the school, with its own stages, coordinators and ombudspeople, whom
    staff alone assign (the admin)."""

    name = models.CharField(max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Programmes are listed in this order, then by name."
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_programmes"
    )
    # People outside the programme's line of coordination to whom a mentee or mentor can
    # raise a confidential concern instead of the coordinators (mentoring/concerns/).
    ombudspeople = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="ombudsperson_for",
        help_text="They receive the confidential concerns that people of this programme "
        "choose to send to an ombudsperson rather than to the coordinators.",
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="programme_name_once",
                violation_error_message="A programme of this name exists already.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalise_name(self.name)
        super().save(*args, **kwargs)

    def stage_ids(self):
        """{Stage name: id} of this programme's stages."""
        return dict(self.stages.values_list("name", "pk"))

    def stage_named(self, name):
        """This programme's stage of this name, whatever its case and spacing; raises
        Stage.DoesNotExist. For imports: a roster's `stage` column."""
        return self.stages.get(name__iexact=normalise_name(name))

    def add_stages(self, stages):
        """Append (name, is_early) stages after the existing ones."""
        last = self.stages.aggregate(last=models.Max("position"))["last"] or 0
        Stage.objects.bulk_create(
            Stage(programme=self, name=name, is_early=is_early, position=last + n)
            for n, (name, is_early) in enumerate(stages, start=1)
        )


class Stage(models.Model):
    """One stage of training of a programme, in order (position)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)
    is_early = models.BooleanField(
        "early stage",
        default=False,
        help_text="Early learners get directive, concrete guidance and areas most useful "
        "early in training; later ones a sounding board and long-term planning.",
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "programme",
                Lower("name"),
                name="stage_name_once_per_programme",
                violation_error_message="This programme has a stage of this name already.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalise_name(self.name)
        super().save(*args, **kwargs)
