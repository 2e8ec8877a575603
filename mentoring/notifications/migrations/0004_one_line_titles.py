"""Titles written before names were validated may hold a line break, which no mail header
can carry: make them one line so that their e-mails can leave."""

import re

from django.db import migrations

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


def one_line_titles(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    dirty = Notification.objects.filter(title__regex=r"[\x00-\x1f\x7f]")
    for notification in dirty.only("pk", "title").iterator():
        notification.title = CONTROL_CHARACTERS.sub(" ", notification.title).strip()
        notification.save(update_fields=["title"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0003_email_retry_deadline")]
    operations = [migrations.RunPython(one_line_titles, migrations.RunPython.noop)]
