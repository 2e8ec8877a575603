"""Inserts for sweeps that write many rows, skipping those a unique constraint already holds
and returning the new rows' primary keys, which bulk_create(ignore_conflicts=True) cannot
tell. Built on Django's own per-database SQL (INSERT OR IGNORE on SQLite, ON CONFLICT DO
NOTHING on PostgreSQL); needs RETURNING (PostgreSQL, SQLite 3.35 or later).

insert_select() has the database compute the rows (INSERT ... SELECT), so that no Python
object is built per row; insert_values() writes rows given as dicts without building model
instances.
"""

from django.db import connections, router
from django.db.models import Value
from django.db.models.constants import OnConflict


def _fields(model, given):
    """Every column bulk_create writes, as {field: the given value or the field's default};
    a None default is left to the column's NULL."""
    fields = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.attname in given:
            fields[field] = given[field.attname]
        elif (default := field.get_default()) is not None:
            fields[field] = Value(default, output_field=field)
    return fields


def _insert(connection, model, fields, rows_sql, params):
    quote, ops = connection.ops.quote_name, connection.ops
    returning, _ = ops.return_insert_columns([model._meta.pk])
    sql = " ".join(
        [
            ops.insert_statement(on_conflict=OnConflict.IGNORE),
            quote(model._meta.db_table),
            f"({', '.join(quote(field.column) for field in fields)})",
            rows_sql,
            ops.on_conflict_suffix_sql(list(fields), OnConflict.IGNORE, None, None),
            returning,
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def insert_select(model, sources):
    """Insert one row of `model` per row of each (queryset, values) in `sources`, where
    values maps field attnames to expressions over the queryset's model (every source
    names the same fields). Returns the new rows' primary keys."""
    connection = connections[router.db_for_write(model)]
    selects = []
    for queryset, values in sources:
        fields = _fields(model, values)
        # Aliases of our own, so that no column collides with a field of the source model.
        aliases = {f"insert_{n}": expression for n, expression in enumerate(fields.values())}
        selects.append(queryset.annotate(**aliases).values(*aliases).order_by())
    rows = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    select_sql, params = rows.query.get_compiler(connection=connection).as_sql()
    return _insert(connection, model, fields, select_sql, params)


def insert_values(model, rows):
    """Insert `rows`, dicts of field attnames to values (every row names the same fields),
    in as few statements as the database takes. Returns the new rows' primary keys."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    fields = list(_fields(model, rows[0]))
    defaults = {
        field: field.get_db_prep_save(field.get_default(), connection)
        for field in fields
        if field.attname not in rows[0]
    }
    given = [field for field in fields if field not in defaults]
    placeholder = f"({', '.join(['%s'] * len(fields))})"
    created = []
    step = connection.ops.bulk_batch_size(fields, rows)
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        params = []
        for row in chunk:
            prepared = {f: f.get_db_prep_save(row[f.attname], connection) for f in given}
            params.extend(prepared.get(f, defaults.get(f)) for f in fields)
        values_sql = "VALUES " + ", ".join([placeholder] * len(chunk))
        created += _insert(connection, model, fields, values_sql, params)
    return created
