"""Small SQL expressions that work the same on PostgreSQL and SQLite."""

from django.db.models import BooleanField, FloatField, Func


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


class InSubquery(Func):
    """`expression IN (subquery)`, written for PostgreSQL as `= ANY(ARRAY(subquery))`.

    Given IN or EXISTS, PostgreSQL plans a semi-join and, when it expects many rows,
    reads the whole outer table to probe a hash of the subquery's; the array form runs
    the subquery once and fetches the outer rows by index, as for a list of ids
    (recommendations: 18 ms → 9 ms). For a subquery of at most a few thousand rows.
    """

    output_field = BooleanField()

    def __init__(self, expression, subquery):
        super().__init__(expression, subquery)

    def as_sql(self, compiler, connection, template="%s IN %s", **extra):
        expression, subquery = self.get_source_expressions()
        left, left_params = compiler.compile(expression)
        right, right_params = compiler.compile(subquery)
        return template % (left, right), (*left_params, *right_params)

    def as_postgresql(self, compiler, connection, **extra):
        # The compiled subquery brings its own parentheses.
        return self.as_sql(compiler, connection, template="%s = ANY(ARRAY%s)")
