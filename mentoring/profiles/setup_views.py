"""The first-run set-up's pages: one per step, each saved or skipped on its own, and the
way out ("skip the rest"). Finishing or skipping is recorded on the account
(User.setup_done_at), so that sign-in stops leading here; the profile pages link back."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import User
from mentoring.profiles.completeness import in_words
from mentoring.profiles.setup import MENTOR, form_for, steps_for


def setup(request):
    steps, _ = steps_for(request.user)
    return redirect("profiles:setup-step", steps[0].slug)


def setup_step(request, step):
    steps, roles = steps_for(request.user)
    slugs = [s.slug for s in steps]
    if step not in slugs:
        raise Http404("No such step for your roles.")
    index = slugs.index(step)
    current = steps[index]
    if request.method == "POST" and request.POST.get("action") == "skip":
        return _after(request, steps, index, roles)
    data = request.POST if request.method == "POST" else None
    form = form_for(current, request.user, roles, data)
    if form.is_valid():
        form.save()
        if current.role == MENTOR:
            roles[MENTOR].refresh_search_text()  # complete now? then listed
        return _after(request, steps, index, roles)
    return render(
        request,
        "profiles/setup.html",
        {
            "form": form,
            "step": current,
            "number": index + 1,
            "total": len(steps),
            "previous": steps[index - 1].slug if index else "",
            "is_last": index + 1 == len(steps),
        },
    )


def _after(request, steps, index, roles):
    """The next step, or, after the last, the end of set-up."""
    if index + 1 < len(steps):
        return redirect("profiles:setup-step", steps[index + 1].slug)
    _mark_done(request.user)
    mentor = roles[MENTOR]
    if mentor is not None:
        mentor.refresh_from_db(fields=["is_listed", "is_complete"])
        if not mentor.is_listed:
            # The profile page says what else keeps them out: the school's confirmation
            # that they are faculty, and who gives it (verification.standing).
            if mentor.is_complete:
                messages.info(request, "Set-up done.")
            else:
                missing = in_words(mentor.missing_for_listing)
                messages.info(
                    request,
                    f"Set-up done. Students will find you in the directory once your "
                    f"profile has {missing}.",
                )
            return redirect("profiles:edit-mentor")
        messages.success(request, "Set-up done. Students can now find you in the directory.")
        return redirect("home")
    if roles["mentee"] is not None:
        messages.success(request, "Set-up done. Here are mentors who fit what you said.")
        return redirect("matching:recommendations")
    messages.success(request, "Set-up done.")
    return redirect("home")


@require_POST
def finish_setup(request):
    """Skip the rest: nothing more is asked, and sign-in no longer leads here."""
    _mark_done(request.user)
    messages.info(request, "Set-up skipped. You can take it again from your profile.")
    return redirect("home")


def _mark_done(user):
    # The first time only: taking the set-up again later keeps the date it was first done.
    User.objects.filter(pk=user.pk, setup_done_at=None).update(setup_done_at=timezone.now())
