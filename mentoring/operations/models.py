from django.db import models


class Heartbeat(models.Model):
    """The last time a process that runs unattended showed it was alive: one row per
    process kind ("scheduler"), overwritten each time. In the database, not the cache, so
    that a Redis outage does not look like a silent scheduler."""

    name = models.CharField(max_length=40, primary_key=True)
    at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"
