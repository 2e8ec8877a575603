"""A person's whole record: deleting the account (export.py has "download my data")."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render

from mentoring.records import account_deletion


def delete_account(request):
    """Confirm by typing one's e-mail address; then delete, sign out and say goodbye."""
    data = request.POST if request.method == "POST" else None  # an empty POST shows errors
    form = account_deletion.ConfirmDeletionForm(request.user, data)
    if form.is_valid():
        account_deletion.delete_account(request.user)
        logout(request)
        return redirect("records:account-deleted")
    return render(request, "records/account_delete.html", {"form": form})


@login_not_required  # the person is signed out by the time they arrive here
def account_deleted(request):
    return render(request, "records/account_deleted.html")
