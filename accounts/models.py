import zoneinfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from mentoring.lib.text import reject_control_characters


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def default_time_zone():
    return settings.DEFAULT_USER_TIME_ZONE


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_with_password(self, email, password, **fields):
        """A user with this password hashed (none given: one that cannot sign in with a
        password), saved through create() so that db_manager(using) is honoured."""
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        return self.create(email=email, password=make_password(password), **fields)

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self.create_with_password(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_with_password(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address. Roles live on profiles and clerkships."""

    # Both reach e-mail headers: the address as To, the name in notification subjects.
    email = models.EmailField(
        "e-mail address", max_length=254, unique=True, validators=[reject_control_characters]
    )
    display_name = models.CharField(
        max_length=120,
        db_index=True,
        validators=[reject_control_characters],
        help_text="How your name appears to others, e.g. 'Dr. Amara Okafor'.",
    )
    time_zone = models.CharField(
        max_length=64, choices=time_zone_choices, default=default_time_zone
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # When the person finished or skipped the first-run set-up (profiles:setup): until
    # then each sign-in leads there first (AccountAdapter), after that only a link does.
    setup_done_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]
        constraints = [
            # unique=True alone would let "A@x.edu" and "a@x.edu" both exist.
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        # The address only when there is no name: a sweep that loads the names alone (only())
        # would otherwise read each address with a query of its own.
        return self.display_name or self.email

    @staticmethod
    def name_from(display_name, email):
        """str() of a user from the two columns alone, for rows read as values."""
        return display_name or email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return str(self)

    def get_short_name(self):
        return str(self)
