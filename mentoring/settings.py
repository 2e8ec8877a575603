"""Settings for the mentoring project, driven by environment variables.

README lists every variable. Defaults suit a laptop (`make run`): SQLite and an
embedded Celery broker under var/, e-mail printed to the console.
"""

import json
import os
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from accounts.sso_config import (
    PAPE_MULTI_FACTOR,
    REFEDS_MFA,
    form_action_origins,
    providers_from_environment,
)
from mentoring.lib.env import (
    database_from_url,
    env_bool,
    env_hours,
    env_int,
    env_list,
    env_month_days,
    env_networks,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Core
# DEBUG shows Django's technical pages: tracebacks, and on a wrong URL the list of URLs
# instead of the site's 404 page. DEVELOPMENT turns on a laptop's conveniences without
# them: no SECRET_KEY needed, plain HTTP, optional e-mail verification, static files read
# from the source folders. `make run` sets DEVELOPMENT only, so that people trying the site
# meet its own error pages; `DEBUG=true make run` adds the technical ones.
DEBUG = env_bool("DEBUG", False)
DEVELOPMENT = env_bool("DEVELOPMENT", DEBUG)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEVELOPMENT=true for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-in-development"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env_str("SITE_NAME", "Mentoring")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # lets the project override form templates (FORM_RENDERER below)
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "accounts",
    "mentoring",
    "mentoring.notifications",
    "mentoring.programmes",
    "mentoring.profiles",
    "mentoring.clerkships",
    "mentoring.mentorships",
    "mentoring.roster",
    "mentoring.matching",
    "mentoring.conversations",
    "mentoring.goals",
    "mentoring.outcomes",
    "mentoring.meetings",
    "mentoring.feedback",
    "mentoring.timeline",
    "mentoring.portfolio",
    "mentoring.concerns",
    "mentoring.dashboards",
    "mentoring.records",
    "mentoring.audit",
    "mentoring.operations",
]

MIDDLEWARE = [
    # First, so that its request id and duration cover everything below (REQUEST_LOG).
    "mentoring.operations.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in user unless its view says otherwise.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    # Pages for a signed-in person hold private notes: no browser or proxy may keep them.
    "mentoring.lib.privacy.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.OversightRequiresMFAMiddleware",
    "accounts.middleware.IdentityProviderTroubleMiddleware",
    "mentoring.audit.middleware.DeniedAccessMiddleware",
    "mentoring.audit.middleware.AdminViewMiddleware",
]

ROOT_URLCONF = "mentoring.urls"
WSGI_APPLICATION = "mentoring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mentoring.navigation.navigation",
                "accounts.context_processors.sign_in",
            ],
            # Template tags that belong to no one app (mentoring/lib has no models).
            "libraries": {"links": "mentoring.lib.links", "moments": "mentoring.lib.moments"},
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database
DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mentoring.sqlite3'}"), BASE_DIR
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so that a Celery worker thread in the tests sees the same rows;
    # one per process, so that two test runs at once do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-mentoring-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
    # PostgreSQL's JIT compiler spent ~1 s per school dashboard compiling plans whose work
    # takes ~100 ms (PERFORMANCE.md); this application's queries are short, so it is off.
    # A school's data fits in memory, where reading a page by index costs about what
    # reading the next one does: at the default cost of 4, the planner sorted and merged
    # whole tables where a few index probes do (directory search 13 → 10 ms).
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off -c random_page_cost=1.1"}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when available so that rate limits hold across processes. While Redis is
# down the default cache uses the database's cache table instead (created by `migrate`),
# so that pages still answer and rate limits still hold (mentoring/lib/cache.py).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "mentoring.lib.cache.ResilientCache",
            "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database", "RETRY_AFTER": 30},
        },
        "redis": {
            # Django's cache API on one redis-py client per process (lib/redis_cache.py).
            "BACKEND": "mentoring.lib.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs holds a request up to about a second, once per outage.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        },
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_entries",
            # Room for a directory's worth of mentor cards before culling.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Accounts and allauth
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# A taken address is named on the sign-up form (school addresses are listed in directories
# anyway); rate limits keep anyone from testing addresses in bulk.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_VERIFICATION = "optional" if DEVELOPMENT else "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# allauth's e-mails name the site, not its host (the adapter does the same for their text).
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_SIGNUP_FORM_CLASS = "mentoring.profiles.forms.SignupForm"
# With SSO_ONLY, a password reset is offered to break-glass accounts only.
ACCOUNT_FORMS = {"reset_password": "accounts.forms.ResetPasswordForm"}
# Who may open a mentee's profile is matching's rule; the request pages of mentorships, an app
# below matching, read it through this name (docs/architecture.md: no upward imports).
MENTEE_PROFILES_VISIBLE_TO = "mentoring.matching.visibility.mentee_profiles_visible_to"
# Called as handler(request, mentorship) when a request is accepted, in its transaction: apps
# above mentorships carry over what was held on the request (office-hours bookings become
# the new mentorship's first meetings), without mentorships importing them.
REQUEST_ACCEPTED_HANDLERS = ["mentoring.meetings.bookings.carry_over"]
# Called as cancel(mentorship, by) when a pair pauses and ticks "cancel our planned meetings",
# in the pause's transaction; returns how many were cancelled (meetings is above mentorships).
CANCEL_PLANNED_MEETINGS = "mentoring.meetings.pausing.cancel_planned"
# Called as lineage_of(mentor) by the mentor profile page (matching, below portfolio): how
# many learners they mentored, how many now mentor others, and those who agreed to be named.
MENTOR_LINEAGE = "mentoring.portfolio.lineage.lineage_of"
ACCOUNT_RATE_LIMITS_ENABLED = True  # allauth's defaults limit sign-in, sign-up and resets
# Two-factor sign-in (allauth.mfa): anyone may turn on an authenticator app, with recovery
# codes. Not security keys (WebAuthn): allauth drives them with inline script, which the
# Content Security Policy forbids.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Mentoring")
# On: the pages that show student-level data to coordinators and staff (dashboards,
# clerkships, the admin) need a session signed in with a second factor.
MFA_REQUIRED_FOR_OVERSIGHT = env_bool("MFA_REQUIRED_FOR_OVERSIGHT", False)

# Single sign-on through the school's identity provider (README, "Connecting your identity
# provider"): OpenID Connect from SSO_OIDC_*, SAML from SSO_SAML_*, or SocialApp rows that
# staff add in the admin. Each shows "Sign in with <name>" on the sign-in page.
SSO_NAME = env_str("SSO_NAME", "your school")
SOCIALACCOUNT_PROVIDERS = providers_from_environment(env_str, default_name=SSO_NAME)
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
# An IdP's verified address signs in to the account that has it, and links the two.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
# Off: only people who already have an account here may sign in through the IdP.
SSO_SIGNUP = env_bool("SSO_SIGNUP", True)
# On: password sign-in, sign-up and reset are refused except for break-glass accounts
# (SSO_BREAK_GLASS_EMAILS and superusers), so that IT can reach the admin when the IdP can't.
SSO_ONLY = env_bool("SSO_ONLY", False)
SSO_BREAK_GLASS_EMAILS = [e.lower() for e in env_list("SSO_BREAK_GLASS_EMAILS")]
# Where roles come from: SAML's eduPersonAffiliation and eduPersonScopedAffiliation; for
# OpenID Connect the claims named here (values such as "faculty" or "student@school.edu").
SSO_OIDC_ROLE_CLAIMS = env_list(
    "SSO_OIDC_ROLE_CLAIM", ["eduperson_affiliation", "eduperson_scoped_affiliation"]
)
# A second factor at the IdP counts for MFA_REQUIRED_FOR_OVERSIGHT when asserted: SAML's
# AuthnContextClassRef or OpenID Connect's acr in these lists, or an amr naming a factor
# beyond the password (accounts/sso.py).
SSO_SAML_MFA_CONTEXTS = env_list("SSO_SAML_MFA_CONTEXTS", [REFEDS_MFA])
SSO_OIDC_MFA_ACR = env_list("SSO_OIDC_MFA_ACR", [REFEDS_MFA, PAPE_MULTI_FACTOR])
# Called as handler(request, user, sign_in) after each sign-in through the IdP, where
# sign_in is an accounts.sso.SignIn (roles, idp_mfa): apps above accounts act on what the
# IdP asserted without accounts importing them.
SSO_SIGNED_IN_HANDLERS = [
    "mentoring.profiles.sign_in.roles_from_idp",
    "mentoring.roster.joining.on_idp_sign_in",
]
# Empty means anyone may sign up; a school sets e.g. "med.example.edu,example.edu".
SIGNUP_EMAIL_DOMAINS = [d.lower() for d in env_list("SIGNUP_EMAIL_DOMAINS")]
# On: a new mentor is listed only once verified as faculty (profiles/verification.py): by
# the institution's sign-in, the faculty roster, or staff in the queue (/verification/).
# Off, for a small school that trusts its sign-up domains: verified on sign-up ("domain").
MENTOR_VERIFICATION = env_bool("MENTOR_VERIFICATION", True)
# What a waiting mentor is told: "usually within N days" (the staff's own promise).
MENTOR_VERIFICATION_DAYS = env_int("MENTOR_VERIFICATION_DAYS", 3)
# The institution's sign-in, when it tells faculty apart (e.g. "your Example University
# account"): waiting mentors are told that signing in with it verifies them at once.
MENTOR_VERIFICATION_SSO = env_str("MENTOR_VERIFICATION_SSO", "")
DEFAULT_USER_TIME_ZONE = env_str("DEFAULT_USER_TIME_ZONE", "America/New_York")
# The programme that the people and clerkships of a site made before programmes belong to
# (migration programmes 0002 creates it with the four stages the site had), and where staff
# find it in the admin. Read when migrating; renaming the programme later is the admin's.
DEFAULT_PROGRAMME_NAME = env_str("DEFAULT_PROGRAMME_NAME", "MD")

# Internationalisation
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# The site's wording of allauth's strings: sentence case and "e-mail" (locale/en/).
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files, served by whitenoise
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Uploaded documents: a folder under var/ by default, never served from a public URL (the
# conversations app streams each file after checking access). Production may name any
# storage backend, e.g. S3-compatible through django-storages (README).
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))
# The backend's options, as a JSON object: for django-storages' S3Storage, e.g.
# {"bucket_name": "mentoring-documents", "region_name": "eu-west-1"}; its credentials come
# from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the machine's role.
try:
    DEFAULT_STORAGE_OPTIONS = json.loads(env_str("DEFAULT_STORAGE_OPTIONS") or "{}")
except ValueError:
    DEFAULT_STORAGE_OPTIONS = None
if not isinstance(DEFAULT_STORAGE_OPTIONS, dict):
    raise ImproperlyConfigured(
        'DEFAULT_STORAGE_OPTIONS must be a JSON object, e.g. {"bucket_name": "documents"}.'
    )
DEFAULT_STORAGE_BACKEND = env_str(
    "DEFAULT_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
)
STORAGES = {
    "default": {"BACKEND": DEFAULT_STORAGE_BACKEND, "OPTIONS": DEFAULT_STORAGE_OPTIONS},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEVELOPMENT
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# In development whitenoise serves static/ as it is, without collectstatic, and an edited
# stylesheet shows at the next reload (its defaults follow DEBUG, which `make run` leaves off).
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEVELOPMENT
if DEVELOPMENT:
    WHITENOISE_MAX_AGE = 0

# E-mail: console locally, SMTP (or any backend) from the environment in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_SSL_CERTFILE = env_str("EMAIL_SSL_CERTFILE") or None
EMAIL_SSL_KEYFILE = env_str("EMAIL_SSL_KEYFILE") or None
# A mail server that accepts the connection and never answers must not hold a worker.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mentoring <mentoring@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Absolute links in e-mails sent by workers, which have no request to read a host from.
# Pages that hand out links to take elsewhere (calendar files, the feed's address) use
# SITE_URL only when it is set; otherwise the scheme, host and port they were asked on, so
# a site run on another address never links to localhost:8000.
SITE_URL_IS_SET = bool(env_str("SITE_URL"))
SITE_URL = (env_str("SITE_URL") or "http://localhost:8000").rstrip("/")

# Security: strict by default outside development.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEVELOPMENT)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEVELOPMENT)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEVELOPMENT)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEVELOPMENT else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEVELOPMENT)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Behind the proxy every request comes from its address: allauth's sign-in limits would
    # count the whole school as one client. The proxy appends the address it saw to
    # X-Forwarded-For (deploy/nginx/mentoring.conf); allauth reads that last entry, which a
    # client cannot forge.
    ALLAUTH_TRUSTED_PROXY_COUNT = 1
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database only: one indexed query a page, Django's db engine read with one
# plain statement (accounts/sessions.py). Not cached_db: a sign-out during a Redis outage
# cannot reach Redis, whose stale copy would sign the cookie in again after.
SESSION_ENGINE = "accounts.sessions"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy (django-csp): scripts and styles from our own static files only.
# templates/500.html keeps its <style> so that it renders even when static files are what
# broke; that one block is allowed by its hash, any other inline style or script stays
# blocked. tests/security/test_headers_and_redirects.py fails if the hash goes stale.
CSP_500_STYLE = "'sha256-zrXlS5VPz1Hbr0Sx5Gw59ZizH1R5MhXwUYZe3AMHaEU='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", CSP_500_STYLE],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        # The school's IdP: "Sign in with ..." posts here and is redirected there.
        "form-action": ["'self'", *form_action_origins(env_str)],
    },
}

# Celery: Redis when REDIS_URL is set, otherwise kombu's filesystem transport under var/.
CELERY_BROKER_DIR = VAR_DIR / "celery-broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Short timeouts: a request must not hang on a dead broker (the sweeper catches up).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A message a killed worker had taken comes back after this many seconds.
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
        # How often a worker looks for such messages to take back (kombu scans Redis).
        "unacked_restore_interval": env_int("CELERY_RESTORE_CHECK_SECONDS", 10),
        "unacked_restore_throttle": 1,
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
    }
else:
    for folder in ("queue", "processed", "control"):
        (CELERY_BROKER_DIR / folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://localhost//"  # the host is unused; naming it avoids a warning
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(CELERY_BROKER_DIR / "control"),
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the message to be redone
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker whose broker goes away keeps trying to reconnect instead of exiting after 100
# tries; `make run` and the systemd unit restart it if it dies anyway.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# When the broker goes away, tasks in hand run to their end rather than being cancelled: a
# delivery cancelled between the mail server's "accepted" and the row's "sent" is e-mailed a
# second time once its claim goes stale (the scale-out drill saw it at each Redis restart).
# Every task here is safe to run again (claims, dedupe keys), and Redis hands an
# unacknowledged one back after the visibility timeout, to find its work done.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_TIMEZONE = TIME_ZONE
# Exactly one beat sends: a second one stands by until the first goes (mentoring/single_beat.py).
CELERY_BEAT_SCHEDULER = "mentoring.single_beat:SingleBeatScheduler"
CELERY_BEAT_SCHEDULE = {
    # The scheduler's heartbeat: beat records the time as it sends this (no work for the
    # worker); /readyz/ fails when it has been silent for SCHEDULER_SILENT_MINUTES.
    "scheduler-heartbeat": {
        "task": "mentoring.operations.tasks.scheduler_tick",
        "schedule": float(env_int("SCHEDULER_TICK_SECONDS", 60)),
        "options": {"expires": 60},
    },
    # Deliver notification e-mail whose after-commit task never ran (broker down, crash),
    # held through the night, or due for another attempt after a failure.
    "sweep-undelivered-notifications": {
        "task": "mentoring.notifications.tasks.sweep_undelivered",
        "schedule": float(env_int("NOTIFICATION_SWEEP_SECONDS", 60)),
    },
    # Finish invitation campaigns whose task never reached a worker (broker down) or whose
    # worker died: each writes only the invitations still missing.
    "resume-invitation-campaigns": {
        "task": "mentoring.roster.tasks.resume_campaigns",
        "schedule": 300.0,
    },
    # Each hour, e-mail the daily digest to people whose 07:00 has come (a missed tick
    # sends it at the next one).
    "send-notification-digests": {
        "task": "mentoring.notifications.tasks.send_digests",
        "schedule": crontab(minute=0),
    },
    # Remind whoever must answer a request, nudge waiting mentees, expire stale requests.
    "send-request-reminders": {
        "task": "mentoring.mentorships.tasks.send_request_reminders",
        "schedule": crontab(minute=10),
    },
    # Nudge both people when contact has lapsed past 1.5 times their agreed rhythm.
    "send-quiet-reminders": {
        "task": "mentoring.mentorships.tasks.send_quiet_reminders",
        "schedule": crontab(minute=20),
    },
    # Remind both people a day before a planned meeting (every 15 minutes, to be on time).
    "send-meeting-reminders": {
        "task": "mentoring.meetings.tasks.send_meeting_reminders",
        "schedule": crontab(minute="*/15"),
    },
    # Remind the owner of an action item on its due date, and once more when overdue.
    "send-action-item-reminders": {
        "task": "mentoring.meetings.tasks.send_action_item_reminders",
        "schedule": crontab(minute=30),
    },
    # Remind whoever left a message unanswered past the agreed time (once per run of
    # messages), and write down the usual answer times of threads written to since.
    "send-unanswered-message-reminders": {
        "task": "mentoring.conversations.tasks.send_unanswered_message_reminders",
        "schedule": crontab(minute="5,20,35,50"),
    },
    # Each side's usual answer time over the last 90 days, worked out again for the window.
    "refresh-response-medians": {
        "task": "mentoring.conversations.tasks.refresh_response_medians",
        "schedule": crontab(hour=3, minute=45),
    },
    # Periodic reassessments, first-meeting fit checks, closing surveys, one reminder each.
    "send-reassessment-prompts": {
        "task": "mentoring.feedback.tasks.send_reassessment_prompts",
        "schedule": crontab(minute=40),
    },
    # Recompute the dashboards' default period before its cached figures (5 minutes) expire.
    "refresh-dashboard-figures": {
        "task": "mentoring.dashboards.tasks.refresh_dashboard_figures",
        "schedule": 240.0,
    },
    # Remind the designated people of a concern unacknowledged for two working days; tell
    # staff (without its content) of one unacknowledged for five.
    "send-concern-reminders": {
        "task": "mentoring.concerns.tasks.send_concern_reminders",
        "schedule": crontab(minute=25),
    },
    # Ask mentors whether they still take mentees: at each term's start, and after two
    # requests in a row went unanswered past their commitment.
    "ask-mentors-about-availability": {
        "task": "mentoring.mentorships.tasks.ask_mentors_about_availability",
        "schedule": crontab(minute=50),
    },
}

# /readyz/ answers 503 once beat has sent nothing for this long (operations/scheduler.py).
SCHEDULER_SILENT_MINUTES = env_int("SCHEDULER_SILENT_MINUTES", 5)

# Notifications
NOTIFICATION_SWEEP_AFTER_MINUTES = env_int("NOTIFICATION_SWEEP_AFTER_MINUTES", 5)
# A temporarily failing e-mail is retried for this long after its first failure.
NOTIFICATION_RETRY_HOURS = env_int("NOTIFICATION_RETRY_HOURS", 72)
# Readiness reports delivery as stalled when a due e-mail has waited longer than this.
NOTIFICATION_STALLED_MINUTES = env_int("NOTIFICATION_STALLED_MINUTES", 15)
# A claim older than this is taken to belong to a worker that died mid-send.
NOTIFICATION_CLAIM_TIMEOUT_MINUTES = env_int("NOTIFICATION_CLAIM_TIMEOUT_MINUTES", 10)
# Local hours with no e-mail, "21-7" by default; "off" sends at any hour.
NOTIFICATION_QUIET_HOURS = env_hours("NOTIFICATION_QUIET_HOURS", (21, 7))
NOTIFICATION_DIGEST_HOUR = 7  # local hour the daily digest goes out

# Logging: to the console, where a process manager collects it. Requests and Celery tasks
# each write one JSON line (mentoring/operations/request_log.py, task_log.py): ids, names,
# statuses and durations, never message text or addresses. REQUEST_LOG=false turns the
# request lines off; REQUEST_LOG_QUERIES=false stops counting each request's SQL queries.
REQUEST_LOG = env_bool("REQUEST_LOG", not DEVELOPMENT)
REQUEST_LOG_QUERIES = env_bool("REQUEST_LOG_QUERIES", True)
if not REQUEST_LOG:
    MIDDLEWARE.remove("mentoring.operations.request_log.RequestLogMiddleware")
# Metrics for Prometheus at /metrics (operations/metrics.py), answered only to addresses in
# METRICS_ALLOWED_IPS (addresses or networks) that did not come through the public proxy.
# METRICS=true adds django-prometheus's request and response counters by view.
METRICS = env_bool("METRICS", False)
METRICS_ALLOWED_NETWORKS = env_networks("METRICS_ALLOWED_IPS", ["127.0.0.1", "::1"])
if METRICS:
    MIDDLEWARE.insert(1, "django_prometheus.middleware.PrometheusBeforeMiddleware")
    MIDDLEWARE.append("django_prometheus.middleware.PrometheusAfterMiddleware")
# Optional error tracking (sentry-sdk), off unless SENTRY_DSN is set; no personal data,
# request bodies or local variables are sent (operations/sentry.py).
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from mentoring.operations import sentry

    sentry.start(
        SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT"),
        release=env_str("SENTRY_RELEASE"),
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "mentoring.operations.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "loggers": {
        **{
            name: {"handlers": ["json"], "level": "INFO", "propagate": False}
            for name in ("mentoring.requests", "mentoring.tasks")
        },
        # WeasyPrint (the portfolio PDF) logs each step of every document at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Mentoring requests
MAX_PENDING_REQUESTS = env_int("MAX_PENDING_REQUESTS", 3)  # per mentee, so they ask a few at a time
REQUEST_EXPIRY_DAYS = env_int("REQUEST_EXPIRY_DAYS", 14)
REQUEST_MENTEE_NUDGE_DAYS = env_int("REQUEST_MENTEE_NUDGE_DAYS", 5)

# Availability check-ins (mentorships/availability.py): each term starts on one of these
# days (month-day, dates in TIME_ZONE), when every mentor taking mentees is asked to confirm.
AVAILABILITY_TERM_STARTS = env_month_days("AVAILABILITY_TERM_STARTS", ["01-01", "05-01", "09-01"])
# A check-in unanswered for this many days marks the mentor "availability not confirmed".
AVAILABILITY_CONFIRM_DAYS = env_int("AVAILABILITY_CONFIRM_DAYS", 14)
if AVAILABILITY_CONFIRM_DAYS < 1:
    raise ImproperlyConfigured("AVAILABILITY_CONFIRM_DAYS must be at least 1.")

# Conversations: messages and documents between the two people of a mentorship
MESSAGE_EDIT_MINUTES = env_int("MESSAGE_EDIT_MINUTES", 10)  # a sender may fix a message this long
ATTACHMENT_MAX_MB = env_int("ATTACHMENT_MAX_MB", 10)  # one document, in MB of 1024 x 1024 bytes
ATTACHMENT_QUOTA_MB = env_int("ATTACHMENT_QUOTA_MB", 100)  # everything one person has uploaded
