"""The interests and areas of a few profiles, in one query: what mentors' cards and
recommendation reasons name, and what a mentee's recommendations are computed from.

Through the ORM this took two queries (or a prefetch) whose building cost ~2 ms of
Python on every directory page, more than running them (PERFORMANCE.md); written once
here, as one UNION ALL over the two link tables, the query costs a tenth of that.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import cache

from django.db import connection

from mentoring.profiles.models import Area, Interest, MenteeProfile, MentorProfile

AreaLabel = namedtuple("AreaLabel", "id name stage_fit")


@dataclass
class Labels:
    interests: list = field(default_factory=list)  # (interest id, name), by interest key
    areas: list = field(default_factory=list)  # AreaLabel, in Area's order


# Each kind of profile: its model, its link to interests and its link to areas.
MENTOR = (MentorProfile, "interests", "areas")
MENTEE = (MenteeProfile, "interests", "areas_sought")


def labels_of(profile_ids, kind=MENTOR):
    """{profile id: Labels} for each of these ids (empty Labels for none)."""
    labels = {profile_id: Labels() for profile_id in profile_ids}
    if not labels:
        return labels
    with connection.cursor() as cursor:
        cursor.execute(_sql(kind, len(labels)), [*labels, *labels])
        for profile_id, is_area, label_id, name, stage_fit, *_order in cursor.fetchall():
            if is_area:
                labels[profile_id].areas.append(AreaLabel(label_id, name, stage_fit))
            else:
                labels[profile_id].interests.append((label_id, name))
    return labels


def _sql(kind, count):
    """One statement for `count` ids; the tables' names come from the models."""
    return _template(*kind).format(ids=", ".join(["%s"] * count))


@cache
def _template(model, interests, areas):
    quote = connection.ops.quote_name
    interest_links = getattr(model, interests).through
    area_links = getattr(model, areas).through
    owner = quote(getattr(model, interests).field.m2m_column_name())
    target = quote(getattr(model, interests).field.m2m_reverse_name())
    area_owner = quote(getattr(model, areas).field.m2m_column_name())
    area_target = quote(getattr(model, areas).field.m2m_reverse_name())
    interest, area = Interest._meta.db_table, Area._meta.db_table
    # Sorted as the models sort them: interests by key, areas by position then name.
    return (
        f"SELECT l.{owner}, 0, i.id, i.name, '', 0, i.{quote('key')} "
        f"FROM {quote(interest_links._meta.db_table)} l "
        f"JOIN {quote(interest)} i ON i.id = l.{target} "
        f"WHERE l.{owner} IN ({{ids}}) "
        "UNION ALL "
        f"SELECT o.{area_owner}, 1, a.id, a.name, a.stage_fit, a.position, a.name "
        f"FROM {quote(area_links._meta.db_table)} o "
        f"JOIN {quote(area)} a ON a.id = o.{area_target} "
        f"WHERE o.{area_owner} IN ({{ids}}) "
        "ORDER BY 2, 6, 7"
    )
