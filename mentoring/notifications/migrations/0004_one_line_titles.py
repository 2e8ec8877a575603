"""Titles written before names were validated may hold a line break, which no mail header
can carry: make them one line so that their e-mails can leave."""

from django.db import migrations

from mentoring.lib.text import CONTROL_CHARACTERS_PATTERN, without_control_characters


def one_line_titles(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    dirty = Notification.objects.filter(title__regex=CONTROL_CHARACTERS_PATTERN)
    for notification in dirty.only("pk", "title").iterator():
        notification.title = without_control_characters(notification.title)
        notification.save(update_fields=["title"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0003_email_retry_deadline")]
    operations = [migrations.RunPython(one_line_titles, migrations.RunPython.noop)]
