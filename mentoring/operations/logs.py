"""One JSON object a line, for the request and task logs (settings.LOGGING): a log
collector reads each line's fields without a parsing rule of its own."""

import json
import logging


class JsonFormatter(logging.Formatter):
    """The record's `fields` (a dict of ids, names, counts and durations: the callers put
    no message text or address there), with the time, level, logger and message."""

    def format(self, record):
        line = {
            "time": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        return json.dumps(line, default=str)
