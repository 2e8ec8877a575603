"""Staff's one "Accounts" section: people, with their e-mail addresses and two-factor
methods on each person's page. allauth registers those two as sections of their own
("Accounts" again, and "MFA"); here they become parts of the person they belong to."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from accounts.models import User
from mentoring.lib.text import SINGLE_LINE_ERRORS


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]
        error_messages = {"display_name": SINGLE_LINE_ERRORS}


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = [
            "email",
            "password",
            "display_name",
            "time_zone",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "last_login",
            "date_joined",
        ]
        error_messages = {"display_name": SINGLE_LINE_ERRORS}


admin.site.unregister(EmailAddress)
admin.site.unregister(Authenticator)


class EmailAddressInline(admin.TabularInline):
    model = EmailAddress
    fields = ["email", "verified", "primary"]
    extra = 0
    verbose_name_plural = "E-mail addresses (a person signs in with a verified one)"


class AuthenticatorInline(admin.TabularInline):
    """Listed and removable, never shown or edited: the rows hold the secrets. Removing
    them lets someone who lost their phone sign in with their password and set up again."""

    model = Authenticator
    fields = ["type", "created_at", "last_used_at"]
    readonly_fields = fields
    extra = 0
    verbose_name = "two-factor method"
    verbose_name_plural = "Two-factor sign-in (delete both rows if the person lost their phone)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    inlines = [EmailAddressInline, AuthenticatorInline]
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["display_name", "time_zone"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]},
        ),
    ]
