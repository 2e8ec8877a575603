"""Rows that the database computes, for sweeps that write one row per row of a queryset.

A sweep describes its new rows as (queryset, values) pairs, values mapping the new model's
field attnames to expressions over the queryset's model (every pair names the same
fields). computed_rows() runs them as one query (UNION ALL) and returns plain dicts, so
that names, dates and dedupe keys are worked out by the database, in the same terms as
the ORM filters that chose the rows; insert_select() then writes them with bulk_create.
Public ORM only: QuerySet.values(**expressions), union() and bulk_create().
"""

# Our own prefix for the computed columns, so that none collides with a field of the
# source model (Mentorship has no `kind`, but a future source might).
PREFIX = "new_"


def computed_rows(sources):
    """The rows that the (queryset, values) pairs describe, as dicts of field attnames."""
    selects = [
        queryset.values(**{PREFIX + name: value for name, value in values.items()}).order_by()
        for queryset, values in sources
    ]
    rows = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    return [{name.removeprefix(PREFIX): value for name, value in row.items()} for row in rows]


def insert_select(model, sources):
    """Create one `model` row per computed row, skipping any that a unique constraint
    already holds (a doubled beat tick, a retry, two workers at once). Returns how many
    rows were computed, new or not."""
    rows = computed_rows(sources)
    model.objects.bulk_create([model(**row) for row in rows], ignore_conflicts=True)
    return len(rows)
