"""Django's database sessions, read with one statement of SQL.

Every signed-in request reads its session first. Through the ORM that lookup cost about
a tenth of a directory or search page's Python under load, more than running it
(PERFORMANCE.md); written out, it costs a fraction. Saving, deleting and clearing expired
sessions stay Django's own, as does the table.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The session's row (only its data) while it has not expired, else None, forgetting
        the key as Django does, so that saving makes a new one."""
        model = self.model
        using = router.db_for_read(model)
        table = connections[using].ops.quote_name(model._meta.db_table)
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s",
                [self.session_key, timezone.now()],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
