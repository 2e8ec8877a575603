"""gunicorn's settings for one web instance: `gunicorn --config deploy/gunicorn.conf.py`.

Several instances run side by side on one host (mentoring-web@8001, mentoring-web@8002...),
each told its port by GUNICORN_PORT. gunicorn 25.1 and later open a control socket at one
path per user by default ($XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl): a
second instance started by the same user takes that path over, and removes it when it
stops, leaving the first without one. Each instance here keeps its own, named for its port,
in its own runtime folder (systemd's RuntimeDirectory=, which it gives as
RUNTIME_DIRECTORY), or none when GUNICORN_CONTROL_SOCKET is `off`.
"""

import os

port = int(os.environ.get("GUNICORN_PORT", "8001"))
runtime_dir = os.environ.get("RUNTIME_DIRECTORY") or os.environ.get("GUNICORN_RUNTIME_DIR")

wsgi_app = "mentoring.wsgi:application"
# Loopback only: nginx in front terminates TLS and buffers slow clients (deploy/nginx/).
# Under systemd the socket comes from mentoring-web@.socket (LISTEN_FDS) and this is unused.
bind = [f"{os.environ.get('GUNICORN_HOST', '127.0.0.1')}:{port}"]
# Sync workers, one a core: PostgreSQL usually shares the machine, and a third worker on two
# cores cost 10-30% more CPU a request for less throughput (PERFORMANCE.md, "Server").
workers = int(os.environ.get("GUNICORN_WORKERS") or os.cpu_count() or 1)
worker_class = "sync"
# A request running longer than this is a bug; its worker is replaced.
timeout = 30
# On SIGTERM the master stops accepting, lets each worker finish the request in hand for up
# to this long, then exits; systemd's TimeoutStopSec is a little longer.
graceful_timeout = 30
# Replace each worker after about a thousand requests: bounds any slow leak, staggered.
max_requests = 1000
max_requests_jitter = 100
# gunicorn trusts X-Forwarded-* only from these addresses: nginx on this host.
forwarded_allow_ips = "127.0.0.1,::1"
proc_name = f"mentoring-web-{port}"

if os.environ.get("GUNICORN_CONTROL_SOCKET", "").lower() == "off":
    control_socket_disable = True
elif os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
elif runtime_dir:
    control_socket = os.path.join(runtime_dir, f"gunicorn-{port}.ctl")
else:
    # No folder of its own to put it in: none, rather than the shared per-user path.
    control_socket_disable = True
