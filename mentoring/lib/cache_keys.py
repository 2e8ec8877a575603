"""Cache keys made from content: whatever a kept value was computed or drawn from, digested.
A change to any part is a new key, so nothing has to be forgotten when it changes."""

import hashlib

import django
from django.template.loader import get_template

# The project's own template for a field; Django's widget templates change only with its
# version, which is part of every fields_key().
FIELD_TEMPLATES = ["django/forms/field.html"]


def digest(value):
    """A cache key's part standing for `value` (anything whose repr says all of it)."""
    return hashlib.sha256(repr(value).encode()).hexdigest()


def fields_key(*shown):
    """The key for form fields drawn once and kept with {% cache %}: what they show
    (`shown`: values, choices, labels), the field template and Django's version. Only for
    what anyone may see: never a form holding what a person typed."""
    sources = [get_template(name).template.source for name in FIELD_TEMPLATES]
    return digest((shown, sources, django.get_version()))
