"""The thread pages, editing one's own message, and downloading a document.

Only the two people of a mentorship or a request see any of it: each view loads through a
queryset scoped to them (404 for everyone else, coordinators and staff included).
"""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from mentoring.conversations import documents, sending
from mentoring.conversations.forms import EditForm, MessageForm
from mentoring.conversations.models import Attachment, Message
from mentoring.conversations.threads import Thread, thread_of_message
from mentoring.lib.forms import as_id
from mentoring.lib.linked_text import linked_lines
from mentoring.lib.moments import moment
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.services import settle

PER_PAGE = 50
LAST_PAGE = 100_000  # an offset PostgreSQL can hold, far past any real thread
# What the thread shows of a message (conversations/thread.html) and of its documents.
ROW_FIELDS = ["pk", "sender_id", "created_at", "edited_at", "text", "read_at"]
DOCUMENT_FIELDS = ["pk", "message_id", "name", "size"]


def mentorship_thread(request, pk):
    mentorship = get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )
    return _thread_page(request, Thread(mentorship, request.user))


def request_thread(request, pk):
    request_obj = get_object_or_404(
        MentorshipRequest.objects.visible_to(request.user).select_related("mentor", "mentee"),
        pk=pk,
    )
    return _thread_page(request, Thread(request_obj, request.user))


def _thread_page(request, thread):
    used = Attachment.objects.bytes_used_by(request.user)
    form = MessageForm(request.POST or None, request.FILES or None, used_bytes=used)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sending.send(thread, data["text"], data["document"], form.kind)
        except sending.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Message sent.")
            return redirect(f"{thread.url}#latest")

    now = timezone.now()
    number = min(as_id(request.GET.get("page", 1)) or 1, LAST_PAGE)
    start = (number - 1) * PER_PAGE
    newest_first = thread.messages().order_by("-created_at", "-pk").values(*ROW_FIELDS)
    rows = newest_first[start : start + PER_PAGE + 1]
    has_earlier = len(rows) > PER_PAGE
    # Plain rows, not Message instances: building 50 models and prefetching their documents
    # cost more than drawing them.
    rows = [SimpleNamespace(**row, documents=[]) for row in rows[:PER_PAGE][::-1]]
    attach_documents(rows)
    if has_unread(rows, number, request.user):
        # Opening the thread is reading it: the partner's "Seen" depends on it, so this GET
        # writes, once, to the messages addressed to this person.
        thread.messages().filter(recipient=request.user, read_at=None).update(read_at=now)
        settle([(request.user.pk, sending.notification_url(thread))])  # its notices are done

    # Decided and written here, once per message, so that the template only places them: it
    # draws 50 messages, and each tag, filter and lookup it runs (the signed-in user is a
    # lazy object) costs more than the same step in Python.
    refusal = thread.refusal()
    # Escaped once here, not once a message by the template.
    mine, theirs = (
        (SafeString("mine"), SafeString("You")),
        (SafeString("theirs"), escape(thread.partner)),
    )
    zone = timezone.get_current_timezone()
    for row in rows:
        row.is_mine = row.sender_id == request.user.pk
        row.side, row.who = mine if row.is_mine else theirs
        row.id = SafeString(row.pk)
        row.when, row.html = moment(row.created_at, "full", zone), linked_lines(row.text)
        row.can_edit = row.is_mine and not refusal and sending.can_still_edit(row, now)
        row.shows_seen = False
    written = [row for row in rows if row.is_mine]
    if written and number == 1:
        written[-1].shows_seen = True  # "Seen" belongs to one's latest message
    # As dictionaries, whose keys the template finds at its first try.
    rows = [vars(row) for row in rows]
    return render(
        request,
        "conversations/thread.html",
        {
            "thread": thread,
            "rows": rows,
            "number": number,
            "has_earlier": has_earlier,
            "refusal": refusal,
            "form": form if not refusal or form.errors else None,
            "quota": {
                "used": documents.megabytes(used),
                "of": documents.quota_bytes() // documents.MB,
            },
        },
    )


def has_unread(rows, number, viewer):
    """Whether messages to the viewer may be unread, from the rows shown. Opening the
    thread marks every one read at once, so the unread ones are always the newest: on the
    first page, the partner's latest message already read means none is (and a reopened
    thread writes nothing: two UPDATEs a visit, 8% of the page's Python). Any other page,
    or one where the partner wrote nothing, checks in the database."""
    theirs = [row for row in rows if row.sender_id != viewer.pk]
    return number > 1 or not theirs or theirs[-1].read_at is None


def attach_documents(rows):
    """Each row's documents, oldest first, in one query for the page."""
    by_message = {row.pk: row.documents for row in rows}
    if by_message:
        documents = Attachment.objects.filter(message__in=by_message).values(*DOCUMENT_FIELDS)
        for document in documents:
            by_message[document["message_id"]].append(document)


def edit_message(request, pk):
    message = get_object_or_404(
        Message.objects.visible_to(request.user).select_related(
            "mentorship__mentor", "mentorship__mentee", "request__mentor", "request__mentee"
        ),
        pk=pk,
    )
    if message.sender_id != request.user.pk:
        raise PermissionDenied("Only the person who wrote a message can change it.")
    thread = thread_of_message(message, request.user)
    form = EditForm(request.POST or None, initial={"text": message.text})
    # Past the window the page still answers, saying why, rather than a bare error.
    problem = sending.edit_refusal(message, thread)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            sending.edit(message, request.user, form.cleaned_data["text"])
        except sending.Refused as refusal:
            form.add_error(None, str(refusal))
            problem = str(refusal)
        else:
            messages.success(request, "Message changed.")
            return redirect(f"{thread.url}#message-{message.pk}")
    return render(
        request,
        "conversations/edit.html",
        {"thread": thread, "message": message, "form": form, "problem": problem},
    )


@require_safe
def download(request, pk):
    """The document, to its two people only, checked on every download: there is no
    public URL to it, and nothing in MEDIA_URL is ever served."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
    try:
        handle = attachment.file.open("rb")
    except OSError as missing:  # the row outlived its file (restored backup, storage error)
        raise Http404("This document is no longer available.") from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    # Never displayed in the browser as anything but the download it is.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
