"""What the Celery workers and queues are doing, through Celery's and kombu's public API,
each question with a timeout: for `manage.py celery_status` and the metrics."""

from celery import current_app

TIMEOUT = 0.5  # seconds to reach the broker


def broker_connection(app=None):
    """A new broker connection that tries once: kombu's own retries would take seconds."""
    app = app or current_app
    options = {
        **(app.conf.broker_transport_options or {}),
        "max_retries": 0,
        "socket_connect_timeout": TIMEOUT,
        "socket_timeout": TIMEOUT,
    }
    return app.connection_for_write(connect_timeout=TIMEOUT, transport_options=options)


def queue_names(app=None):
    app = app or current_app
    return [queue.name for queue in app.conf.task_queues or ()] or [app.conf.task_default_queue]


def queue_lengths(app=None):
    """{queue name: messages waiting}; raises if the broker cannot be reached."""
    app = app or current_app
    with broker_connection(app) as connection:
        channel = connection.default_channel
        return {name: waiting(channel, name) for name in queue_names(app)}


def waiting(channel, queue):
    """AMQP's passive declare, which kombu's transports answer with the queue's length
    without creating or changing anything. Redis keeps no empty list, so a queue it has
    never seen or has emptied is "not found": nothing waits there."""
    try:
        return channel.queue_declare(queue=queue, passive=True).message_count
    except channel.connection.channel_errors:
        return 0


def workers(timeout=1.0, app=None):
    """{worker name: {"active": tasks running, "queues": [...]}} for every worker that
    answered within `timeout` seconds."""
    app = app or current_app
    answered = {name for reply in app.control.ping(timeout=timeout) for name in reply}
    if not answered:
        return {}
    inspect = app.control.inspect(sorted(answered), timeout=timeout)
    active = inspect.active() or {}
    queues = inspect.active_queues() or {}
    return {
        name: {
            "active": len(active.get(name, [])),
            "queues": sorted(queue["name"] for queue in queues.get(name, [])),
        }
        for name in sorted(answered)
    }
