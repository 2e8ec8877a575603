"""The site, plus /slow/: a request that takes three seconds, to stop gunicorn during."""

import time

from mentoring.wsgi import application as site


def application(environ, start_response):
    if environ["PATH_INFO"] == "/slow/":
        time.sleep(3)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"finished"]
    return site(environ, start_response)
