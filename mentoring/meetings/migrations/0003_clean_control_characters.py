"""Clean action items written before their text refused control characters (0002): the
reminders put the text in an e-mail subject, where a line break made the e-mail fail."""

from django.db import migrations

from mentoring.lib.text import CONTROL_CHARACTERS_PATTERN, without_control_characters


def clean_action_items(apps, schema_editor):
    ActionItem = apps.get_model("meetings", "ActionItem")
    dirty = ActionItem.objects.filter(text__regex=CONTROL_CHARACTERS_PATTERN)
    for pk, text in dirty.values_list("pk", "text").iterator():
        ActionItem.objects.filter(pk=pk).update(text=without_control_characters(text))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_reject_control_characters")]
    operations = [migrations.RunPython(clean_action_items, migrations.RunPython.noop)]
