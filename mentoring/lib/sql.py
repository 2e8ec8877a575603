"""Small SQL expressions that work the same on PostgreSQL and SQLite."""

from django.db.models import FloatField, Func


class Epoch(Func):
    """Seconds since 1970 of a date or datetime (a date counts from midnight UTC, as the
    quiet reminders count it), so rhythms compare as plain numbers on both databases."""

    output_field = FloatField()

    # '%%%%s' reaches SQLite as '%s' (the template and the driver each halve the %).
    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(strftime('%%%%s', %(expressions)s) AS REAL)"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)::float8"
        )
