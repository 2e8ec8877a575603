"""Stored documents follow their rows: a file is deleted once the deletion of its row has
committed, never before (a rolled-back deletion must still find its file)."""

from functools import partial

from django.db import transaction


def delete_stored_file(sender, instance, using=None, **kwargs):
    """post_delete receiver for Attachment."""
    if instance.file.name:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(partial(storage.delete, name), using=using)
