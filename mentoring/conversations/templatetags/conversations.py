"""{% messages_link mentorship %} or {% messages_link request %}: the button to a thread, with
the number of messages waiting for the person looking. For the pages of mentorships, an app
below this one, which cannot import it (a template tag is not an import)."""

from django import template

from mentoring.conversations.models import Message
from mentoring.conversations.threads import Thread
from mentoring.lib.linked_text import linked_lines

register = template.Library()
register.filter("linked_lines", linked_lines, is_safe=True)


@register.inclusion_tag("conversations/_messages_link.html", takes_context=True)
def messages_link(context, subject):
    user = context["user"]
    unread = Message.objects.unread_in(subject, user).count()
    return {"url": Thread(subject, user).url, "unread": unread}
