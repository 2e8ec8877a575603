"""Strict readers for settings taken from environment variables.

A typo in a production environment should stop start-up with a message that
names the variable, not silently fall back to a default.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() not in ("1", "0", "true", "false", "yes", "no"):
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")
    return value.lower() in ("1", "true", "yes")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_hours(name, default):
    """A span of hours such as "21-7" (from 21:00 to 07:00), or "off" for None."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() == "off":
        return None
    start, _, end = value.partition("-")
    try:
        hours = (int(start), int(end))
    except ValueError:
        raise ImproperlyConfigured(f"{name} must look like 21-7 or be off, not {value!r}") from None
    if not all(0 <= h <= 23 for h in hours):
        raise ImproperlyConfigured(f"{name} hours must be between 0 and 23, not {value!r}")
    return hours


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name, default=()):
    """Comma-separated addresses or networks ("127.0.0.1,10.20.0.0/16") as ip_network objects."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks, e.g. 10.20.0.0/16; not {item!r}"
            ) from None
    return networks


def database_from_url(url, base_dir):
    """Turn DATABASE_URL into a Django DATABASES entry.

    Only the two engines the product supports: ``postgres://user:pass@host:port/name``
    and ``sqlite:///relative/or/absolute/path``.
    """
    parts = urlsplit(url)
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    if parts.scheme == "sqlite":
        # sqlite:///var/db.sqlite3 is relative to the project; sqlite:////abs is absolute.
        path = Path(url[len("sqlite:///") :])
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path if path.is_absolute() else base_dir / path,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with postgres:// or sqlite:///, not {parts.scheme or url!r}"
    )


def env_month_days(name, default):
    """Days of the year as month-day, "01-01,05-01,09-01", sorted as (month, day) pairs."""
    value = os.environ.get(name)
    items = default if value is None or value.strip() == "" else value.split(",")
    days = set()
    for item in items:
        month, _, day = item.strip().partition("-")
        try:
            # A year that is not a leap year: a 29 February would be missing most years.
            days.add(datetime.date(2001, int(month), int(day)).timetuple()[1:3])
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list days as month-day, e.g. 01-01,05-01,09-01, not {value!r}"
            ) from None
    return sorted(days)
