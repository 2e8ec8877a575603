"""A request id for each web request, and one JSON log line when it ends.

The line holds the request id, the signed-in user's id, the method, the URL pattern's
name, the status, the duration and (with REQUEST_LOG_QUERIES) the number of SQL queries:
never the path or query string (a calendar feed's path is its secret, a search its
words), never a form's fields. The id comes from the proxy's X-Request-ID when it is
well-formed, goes back in the response's X-Request-ID, and rides along in the Celery tasks
the request enqueues (task_log.py), so one id ties a page to the e-mail it caused.
"""

import contextvars
import logging
import os
import re
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import connection

log = logging.getLogger("mentoring.requests")

current_request_id = contextvars.ContextVar("request_id", default=None)
# nginx's $request_id is 32 hex digits; anything else a client sends is replaced.
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id_from(value):
    if value and WELL_FORMED.fullmatch(value):
        return value
    return os.urandom(16).hex()  # as nginx makes them; uuid4 costs three times as much


class QueryCounter:
    """A database execute wrapper (Django's public hook) that only counts."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    """First in MIDDLEWARE, so that its duration covers every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.count_queries = settings.REQUEST_LOG_QUERIES

    def __call__(self, request):
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            if self.count_queries:
                counter = QueryCounter()
                with connection.execute_wrapper(counter):
                    response = self.get_response(request)
            else:
                counter, response = None, self.get_response(request)
        finally:
            current_request_id.reset(token)
        fields = {
            "request_id": request_id,
            "user_id": user_id(request),
            "method": request.method,
            "view": request.resolver_match.view_name if request.resolver_match else None,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if counter is not None:
            fields["queries"] = counter.count
        log.info("request", extra={"fields": fields})
        response["X-Request-ID"] = request_id
        return response


def user_id(request):
    """The signed-in user's id, read only from a session the request already loaded: a
    page that never looked at its session (/healthz/) costs no query for the log."""
    session = getattr(request, "session", None)
    if session is None or not session.accessed:
        return None
    value = session.get(SESSION_KEY)
    return int(value) if value and value.isdigit() else value
