"""Clean names and addresses written before they refused control characters (0002).

A line break in a display name made every e-mail whose subject held the name fail. Each
run of control characters in a name becomes one space; in an address, where a space is no
better, the characters are dropped, unless the result is another user's address.
"""

from django.db import migrations
from django.db.models.functions import Lower

from mentoring.lib.text import CONTROL_CHARACTERS_PATTERN, without_control_characters


def clean_users(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    dirty = User.objects.filter(display_name__regex=CONTROL_CHARACTERS_PATTERN)
    for pk, name in dirty.values_list("pk", "display_name").iterator():
        User.objects.filter(pk=pk).update(display_name=without_control_characters(name))
    dirty = User.objects.filter(email__regex=CONTROL_CHARACTERS_PATTERN)
    for pk, email in dirty.values_list("pk", "email").iterator():
        email = without_control_characters(email, replacement="").lower()
        taken = User.objects.annotate(lower=Lower("email")).filter(lower=email).exists()
        if email and not taken:
            User.objects.filter(pk=pk).update(email=email)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_reject_control_characters")]
    operations = [migrations.RunPython(clean_users, migrations.RunPython.noop)]
