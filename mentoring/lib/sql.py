"""Small SQL expressions that work the same on PostgreSQL and SQLite, and the names that
statements written as SQL text take from the models."""

from django.db import connection
from django.db.models import FloatField, Func


def table(model):
    """The model's table, quoted for SQL text."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field):
    """The column of the model's field, quoted for SQL text."""
    return connection.ops.quote_name(model._meta.get_field(field).column)


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
